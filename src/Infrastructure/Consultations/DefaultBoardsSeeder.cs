using Salon.Domain.Common;
using Salon.Application.Common.Time;
using Salon.Domain.Consultations;
using Salon.Infrastructure.Persistence;

namespace Salon.Infrastructure.Consultations;

/// <summary>The default boards (one per family position, and themes) and keyword tags. Adds what is
/// missing by slug and never changes or removes what staff have edited. The slugs are read with plain SQL, and nothing
/// is saved when nothing is missing: on the way to ready, no LINQ query is compiled (docs/adr/0030).</summary>
public sealed class DefaultBoardsSeeder(SalonDbContext db, TimeProvider time) : IDataSeeder
{
    private static readonly (string Slug, string Name, string NameEn, string Description, string DescriptionEn, BoardKind Kind, FamilyPositions Audience, bool RepliesWelcome)[] Boards =
    [
        ("parents", "親の立場", "Parents",
            "子どもが精神疾患をもつ親どうしで、日々のこと、将来のことを話しましょう。",
            "For parents of a son or daughter with mental illness.", BoardKind.Position, FamilyPositions.Parent, true),
        ("siblings", "きょうだいの立場", "Siblings",
            "兄弟姉妹が精神疾患をもつ、きょうだいの立場の方の場所です。",
            "For brothers and sisters of someone with mental illness.", BoardKind.Position, FamilyPositions.Sibling, true),
        ("children", "子どもの立場", "Children",
            "親が精神疾患をもつ、子どもの立場の方（ヤングケアラーを含む）の場所です。",
            "For children (including young carers) of a parent with mental illness.", BoardKind.Position, FamilyPositions.Child, true),
        ("spouses-partners", "配偶者・パートナーの立場", "Spouses and partners",
            "配偶者やパートナーが精神疾患をもつ方の場所です。",
            "For spouses and partners of someone with mental illness.", BoardKind.Position, FamilyPositions.Spouse | FamilyPositions.Partner, true),
        ("first-episode", "発症間もない家族", "Recent first episode",
            "発症して間もない、入院したばかり——戸惑いの中にいる家族のための場所です。",
            "For families facing a recent first episode or first admission.", BoardKind.Theme, FamilyPositions.None, true),
        ("monologue", "ひとりごと（返信不要）", "Monologue (no replies)",
            "誰かに聞いてほしいけれど、返事はいらない。そんな気持ちを置いていく場所です。",
            "Say it without expecting replies; others can only react.", BoardKind.Theme, FamilyPositions.None, false),
        ("after-parents", "親亡き後", "When parents are gone",
            "親がいなくなった後の暮らし、お金、住まい、支援について。",
            "Planning for life, money, housing and support after the parents are gone.", BoardKind.Theme, FamilyPositions.None, true),
        ("chat", "雑談", "Chat",
            "病気のこと以外も、気軽におしゃべりしましょう。",
            "Everyday chat, not only about illness.", BoardKind.Theme, FamilyPositions.None, true),
    ];

    private static readonly (string Slug, string Name, string NameEn)[] Tags =
    [
        ("communication", "接し方", "How to relate"),
        ("money", "お金の問題", "Money"),
        ("medical", "医療・服薬", "Treatment and medication"),
        ("work-balance", "仕事との両立", "Balancing work"),
        ("welfare", "福祉サービス", "Welfare services"),
        ("first-episode", "発症間もない", "Recent first episode"),
        ("after-parents", "親亡き後", "When parents are gone"),
        ("hospitalization", "入院・退院", "Admission and discharge"),
        ("self-care", "自分のケア", "Caring for yourself"),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var now = time.UtcNow();
        var boardSlugs = await db.ReadColumnAsync<string>("SELECT \"Slug\" FROM \"Boards\"", cancellationToken);
        var order = 0;
        foreach (var b in Boards)
        {
            order += 10;
            if (!boardSlugs.Contains(b.Slug))
            {
                db.Boards.Add(Board.Create(b.Slug, b.Name, b.NameEn, b.Description, b.DescriptionEn, b.Kind, b.Audience, b.RepliesWelcome, order, now));
            }
        }

        var tagSlugs = await db.ReadColumnAsync<string>("SELECT \"Slug\" FROM \"Tags\"", cancellationToken);
        order = 0;
        foreach (var t in Tags)
        {
            order += 10;
            if (!tagSlugs.Contains(t.Slug))
            {
                db.Tags.Add(Tag.Create(t.Slug, t.Name, t.NameEn, order));
            }
        }

        if (db.ChangeTracker.HasChanges())
        {
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
