using System.Text;

namespace Salon.Bench;

/// <summary>Deterministic Japanese titles and bodies in the register of the boards (family members
/// writing about a relative's illness), built from a small word list. Word frequencies matter: the
/// search cases pick words that are common (「薬」 appears in about a third of the posts) and words that
/// are rare, so the plans and timings cover both.</summary>
internal sealed class JapaneseText(Random random)
{
    private static readonly string[] Relatives =
        ["息子", "娘", "夫", "妻", "兄", "姉", "弟", "妹", "母", "父", "パートナー", "長男", "次女"];

    private static readonly string[] Illnesses =
        ["統合失調症", "うつ病", "双極性障害", "強迫性障害", "摂食障害", "パニック障害", "依存症", "適応障害"];

    private static readonly string[] Subjects =
        ["服薬", "通院", "入院", "退院", "主治医", "訪問看護", "デイケア", "作業所", "障害年金", "就労支援",
         "家族会", "保健所", "生活保護", "お金のこと", "将来のこと", "近所づきあい", "職場", "学校", "睡眠", "食事"];

    private static readonly string[] RareSubjects =
        ["グループホーム", "成年後見制度", "相談支援専門員", "措置入院", "ピアサポート", "地域活動支援センター"];

    private static readonly string[] Feelings =
        ["不安でたまりません。", "正直、疲れてしまいました。", "夜も眠れない日が続いています。", "どうしたらいいのかわかりません。",
         "誰にも話せずにいました。", "少しだけほっとしました。", "気持ちが楽になりました。", "涙が出てしまいました。",
         "自分を責めてしまいます。", "前向きになれそうです。"];

    private static readonly string[] Openers =
        ["はじめて投稿します。", "いつも読ませていただいています。", "長くなりますが聞いてください。", "こんばんは。", "ご無沙汰しています。"];

    private static readonly string[] Closers =
        ["同じような経験をされた方がいたら教えてください。", "読んでくださってありがとうございます。",
         "皆さんはどうされていますか。", "ここに書けてよかったです。", "アドバイスをいただけると嬉しいです。"];

    private static readonly string[] ReplyOpeners =
        ["お気持ち、よくわかります。", "読ませていただきました。", "うちも同じでした。", "大変でしたね。", "書いてくださってありがとうございます。"];

    private static readonly string[] Frequencies = ["ときどき", "毎日のように", "月に一度は", "この数週間", "ここ半年ほど"];

    public string Title()
    {
        var subject = Subject();
        return random.Next(6) switch
        {
            0 => $"{Pick(Relatives)}の{subject}について",
            1 => $"{Pick(Illnesses)}の{Pick(Relatives)}との接し方",
            2 => $"{subject}のことで相談です",
            3 => $"{Pick(Relatives)}が{Pick(Illnesses)}と診断されました",
            4 => $"{subject}、皆さんはどうしていますか",
            _ => $"{Pick(Relatives)}の薬のこと",
        };
    }

    public string TopicBody()
    {
        var text = new StringBuilder();
        text.Append(Pick(Openers));
        text.Append(Pick(Relatives)).Append('が').Append(Pick(Illnesses)).Append("と診断されて")
            .Append(random.Next(1, 21)).Append("年になります。");
        var sentences = random.Next(3, 8);
        for (var i = 0; i < sentences; i++)
        {
            text.Append(Sentence());
        }

        text.Append(Pick(Closers));
        return text.ToString();
    }

    public string ReplyBody()
    {
        var text = new StringBuilder();
        text.Append(Pick(ReplyOpeners));
        var sentences = random.Next(1, 4);
        for (var i = 0; i < sentences; i++)
        {
            text.Append(Sentence());
        }

        return text.ToString();
    }

    public string Nickname(int index) =>
        Pick(["さくら", "ひまわり", "こもれび", "そよかぜ", "つばめ", "みかん", "あおぞら", "しずく"]) + index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private string Sentence() => random.Next(12) switch
    {
        0 => $"最近、{Pick(Relatives)}が{Subject()}を嫌がるようになりました。",
        1 => $"{Subject()}について{Pick(["主治医", "保健師さん", "ケースワーカーさん"])}に相談したところ、{Pick(Feelings)}",
        2 => $"{Pick(Frequencies)}、{Pick(Relatives)}の{Subject()}のことで{Pick(Feelings)}",
        3 => $"薬を飲み忘れることが多く、{Pick(Feelings)}",
        4 => $"夜になると{Pick(Relatives)}の声が大きくなり、{Pick(Feelings)}",
        5 => $"{Subject()}の手続きがわからず、{Pick(Feelings)}",
        6 => "家族会に参加して、少し気持ちが楽になりました。",
        7 => $"{Pick(Relatives)}は{Pick(Frequencies)}部屋にこもっています。",
        8 => $"{Subject()}を始めてから、{Pick(Relatives)}の表情が少し明るくなりました。",
        9 => $"薬の副作用で{Pick(["体重が増えて", "眠気が強くて", "手が震えて"])}本人もつらそうです。",
        10 => $"{Pick(Illnesses)}のことを{Pick(["親戚", "職場", "友人"])}にどこまで話すか迷っています。",
        _ => $"{Pick(Frequencies)}、{Subject()}のことを考えています。",
    };

    /// <summary>One in twenty-five picks comes from the rare list.</summary>
    private string Subject() => random.Next(25) == 0 ? Pick(RareSubjects) : Pick(Subjects);

    private string Pick(string[] words) => words[random.Next(words.Length)];
}
