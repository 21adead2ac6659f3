using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Salon.Application.Common;
using Salon.Application.Common.Persistence;
using Salon.Application.Common.Time;
using Salon.Application.Consultations.Contracts;
using Salon.Domain.Common;
using Salon.Domain.Moderation;

namespace Salon.Application.Moderation.FileReport;

/// <summary>POST /api/reports: one report per member per post. Distinct reporters reaching the threshold
/// (or one moderator) hide the post pending review. "worried_about_member" raises a priority item and
/// sends the member a caring notice, at most once a day, never saying who reported.</summary>
public sealed record FileReportCommand(Guid ReporterId, bool ReporterIsModerator, Guid PostId, string Reason, string? Note) : ICommand<FileReportResult>;

public sealed class FileReportCommandValidator : AbstractValidator<FileReportCommand>
{
    public FileReportCommandValidator()
    {
        RuleFor(c => c.PostId).NotEmpty();
        RuleFor(c => c.Reason).Must(r => ReportReasonNames.Parse(r) is not null)
            .WithMessage(_ => new LocalizedText(
                "理由は spam, harassment, personal_info, medical_misinformation, worried_about_member, other から選んでください。",
                "The reason must be spam, harassment, personal_info, medical_misinformation, worried_about_member or other.").Current);
        RuleFor(c => c.Note).MaximumLength(1000);
    }
}

public sealed class FileReportCommandHandler(
    IModerationDb db,
    IPostModeration posts,
    Consultations.Contracts.IPostVisibility visibility,
    IOptions<SafetyOptions> options,
    TimeProvider time) : ICommandHandler<FileReportCommand, FileReportResult>
{
    public async ValueTask<FileReportResult> Handle(FileReportCommand command, CancellationToken cancellationToken)
    {
        if (!await visibility.CanSeeAsync(command.PostId, command.ReporterId, cancellationToken))
        {
            throw SalonException.NotFound(new LocalizedText("投稿が見つかりませんでした。", "The post was not found."));
        }

        if (await db.Reports.AnyAsync(r => r.PostId == command.PostId && r.ReporterId == command.ReporterId, cancellationToken))
        {
            throw ModerationErrors.AlreadyReported.Error();
        }

        var post = (await posts.FindAsync([command.PostId], cancellationToken))[command.PostId];
        var now = time.UtcNow();
        var reason = ReportReasonNames.Parse(command.Reason)!.Value;
        var report = Report.File(command.PostId, command.ReporterId, reason, command.Note, now);
        db.Reports.Add(report);

        var worried = reason == ReportReason.WorriedAboutMember;
        var kind = worried ? ModerationItemKind.WorriedAboutMember : ModerationItemKind.Report;
        var item = await db.ModerationItems.SingleOrDefaultAsync(
            i => i.PostId == command.PostId && i.Kind == kind && i.Status == ModerationItemStatus.Open, cancellationToken);
        if (item is null)
        {
            item = ModerationItem.Open(kind, post.PostId, post.Kind, post.TopicId, post.AuthorId, ReportReasonNames.ToName(reason), now);
            db.ModerationItems.Add(item);
        }

        item.CountReport(worried);

        var hides = false;
        if (!worried)
        {
            // Only reports since the last decision count: a post a moderator cleared needs a fresh threshold.
            hides = command.ReporterIsModerator || item.ReportCount >= options.Value.ReportHideThreshold;
            if (hides && post.Status == "published" && !post.IsDeleted)
            {
                await posts.HideAsync(post.PostId, now, byModerator: command.ReporterIsModerator, cancellationToken);
                item.RaisePostHidden(post.AuthorId, post.PostId, post.TopicId, byModerator: command.ReporterIsModerator, now);
                if (command.ReporterIsModerator)
                {
                    db.AuditEntries.Add(AuditEntry.Record(command.ReporterId, "report-hide", "post", post.PostId, item.Id, command.Note, now));
                }
            }
        }
        else if (!await db.CaringNotices.AnyAsync(n => n.MemberId == post.AuthorId && n.SentAt > now.AddDays(-1), cancellationToken))
        {
            var notice = new CaringNotice(post.AuthorId, now);
            db.CaringNotices.Add(notice);
            item.RaiseCaringNotice(post.AuthorId, now);
        }

        // The report, the hide and the topic's counts are one change (docs/adr/0018).
        await db.InTransactionAsync(
            async ct =>
            {
                try
                {
                    await db.SaveChangesAsync(ct);
                }
                catch (DbUpdateException ex) when (db.IsUniqueKeyViolation(ex))
                {
                    // The same member's double click, or another member's first report on this post at the same
                    // moment (one open item per post and kind). Nothing was saved; asking again succeeds.
                    throw ModerationErrors.ReportConflict.Error();
                }

                if (hides)
                {
                    await posts.RefreshCountsAsync(post.TopicId, ct);
                }
            },
            cancellationToken);

        SalonMetrics.ReportFiled(ReportReasonNames.ToName(reason));
        return new FileReportResult(report.Id);
    }
}
