using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Salon.Application.Common.Time;
using Salon.Application.Common.Validation;
using Salon.Application.Moderation.GetWatchedWords;
using Salon.Domain.Common;
using Salon.Domain.Moderation;

namespace Salon.Application.Moderation.ReplaceWatchedWords;

/// <summary>PUT /api/moderation/watched-words (admins): replaces the whole list; applies at once.</summary>
public sealed record ReplaceWatchedWordsCommand(Guid AdminId, IReadOnlyList<WatchedWordDto> Words) : ICommand<IReadOnlyList<WatchedWordDto>>;

public sealed class ReplaceWatchedWordsCommandValidator : AbstractValidator<ReplaceWatchedWordsCommand>
{
    public const int MaxWords = 1000;

    public ReplaceWatchedWordsCommandValidator()
    {
        RuleFor(c => c.Words).NotNull().BoundedList(MaxWords);
        When(c => ValidationRules.IsBounded(c.Words, MaxWords), () => RuleForEach(c => c.Words).ChildRules(word =>
        {
            word.RuleFor(w => w.Word).NotEmpty().MaximumLength(WatchedWord.MaxLength)
                .Must(w => w is not null && SafetyText.HasBaseCharacter(SafetyText.Fold(w)))
                .WithMessage(_ => new LocalizedText(
                    "語句に文字を含めてください。空白・記号・結合文字（アクセントや濁点の記号）だけの語句は使えません。",
                    "A word must contain letters, not only spaces, symbols or combining marks.").Current)
                .Must(w => w is null || w.Length > WatchedWord.MaxLength || SafetyText.Fold(w).Length <= WatchedWord.MaxFoldedLength)
                .WithMessage(_ => new LocalizedText(
                    $"語句が長すぎます。照合用に展開すると{WatchedWord.MaxFoldedLength}文字を超えます（㍿ や ﷺ のような文字は、いくつもの文字に展開されます）。",
                    $"The word is too long: folded for matching it is over {WatchedWord.MaxFoldedLength} characters (characters such as ㍿ or ﷺ stand for several).").Current);
            word.RuleFor(w => w.Action).Must(a => a is "block" or "hold" or "flag")
                .WithMessage(_ => new LocalizedText("action は block, hold, flag のいずれかです。", "action is block, hold or flag.").Current);
        }));
    }
}

public sealed class ReplaceWatchedWordsCommandHandler(IModerationDb db, WatchedWordCache cache, TimeProvider time)
    : ICommandHandler<ReplaceWatchedWordsCommand, IReadOnlyList<WatchedWordDto>>
{
    public async ValueTask<IReadOnlyList<WatchedWordDto>> Handle(ReplaceWatchedWordsCommand command, CancellationToken cancellationToken)
    {
        var now = time.UtcNow();
        var words = command.Words
            .GroupBy(w => SafetyText.Fold(w.Word))
            .Select(g => g.Last())
            .Select(w => WatchedWord.Create(w.Word, Enum.Parse<WatchedWordAction>(w.Action, ignoreCase: true), now))
            .ToList();
        db.WatchedWords.AddRange(words);
        db.AuditEntries.Add(AuditEntry.Record(command.AdminId, "watched-words:replace", "watched-words", null, null, $"{words.Count} words", now));

        // The old list goes in the same transaction as the new one is written, whatever rows it holds by then: a second
        // save at the same moment (a double tap, two admins) replaces the first one's list instead of failing on rows
        // the first one already deleted. Where both write the same words at once (PostgreSQL), the second finds the first
        // one's row in the unique index, or — the two inserting them in different orders — PostgreSQL breaks the deadlock
        // by failing one of them: either way that one saves nothing (409), and saving again succeeds.
        await db.InTransactionAsync(
            async ct =>
            {
                await db.WatchedWords.ExecuteDeleteAsync(ct);
                try
                {
                    return await db.SaveChangesAsync(ct);
                }
                catch (DbUpdateException ex) when (db.IsUniqueKeyViolation(ex))
                {
                    throw ModerationErrors.WatchedWordsConflict.Error();
                }
                catch (Exception ex) when (db.IsDeadlock(ex))
                {
                    throw ModerationErrors.WatchedWordsConflict.Error();
                }
            },
            cancellationToken);
        cache.Invalidate();
        return words.OrderBy(w => w.Word, StringComparer.Ordinal).Select(w => new WatchedWordDto(w.Word, GetWatchedWordsQueryHandler.ActionName(w.Action))).ToList();
    }
}
