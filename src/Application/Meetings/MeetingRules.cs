using Salon.Application.Common.Time;
using Salon.Application.Common.Validation;
using Salon.Domain.Common;
using Salon.Domain.Meetings;

namespace Salon.Application.Meetings;

/// <summary>Checks a meeting as it would be after a create or an edit, field by field (400 with the field).</summary>
internal static class MeetingRules
{
    public const int MaxDurationHours = 24;

    public static MeetingDetails Merge(MeetingDetails? current, MeetingInput input, DateTime now)
    {
        var title = input.Title ?? current?.Title;
        Require(!string.IsNullOrWhiteSpace(title) && title.Trim().Length <= Meeting.TitleMaxLength, MeetingErrors.InvalidTitle, "title",
            LengthMessages.Title(Meeting.TitleMaxLength).Ja, LengthMessages.Title(Meeting.TitleMaxLength).En);
        var description = input.Description ?? current?.Description ?? string.Empty;
        Require(description.Trim().Length <= Meeting.DescriptionMaxLength, MeetingErrors.InvalidDescription, "description",
            $"説明は{Meeting.DescriptionMaxLength}文字以内で入力してください。", $"The description must be at most {Meeting.DescriptionMaxLength} characters.");

        var startsAt = JapanTime.AsUtc(input.StartsAt) ?? current?.StartsAt;
        Require(startsAt is not null, MeetingErrors.InvalidStartsAt, "startsAt", "開始日時を入力してください。", "Enter the start time.");
        RequirePlausible(input.StartsAt, MeetingErrors.InvalidStartsAt, "startsAt");
        Require(input.StartsAt is null || startsAt > now, MeetingErrors.InvalidStartsAt, "startsAt", "開始日時は未来の日時にしてください。", "The start must be in the future.");
        var endsAt = JapanTime.AsUtc(input.EndsAt) ?? current?.EndsAt;
        RequirePlausible(input.EndsAt, MeetingErrors.InvalidEndsAt, "endsAt");
        Require(endsAt is not null && endsAt > startsAt && endsAt.Value - startsAt!.Value <= TimeSpan.FromHours(MaxDurationHours), MeetingErrors.InvalidEndsAt, "endsAt",
            $"終了日時は開始より後、{MaxDurationHours}時間以内にしてください。", $"The end must be after the start and within {MaxDurationHours} hours.");

        var format = input.Format is null ? current?.Format : MeetingNames.ParseFormat(input.Format);
        Require(format is not null, MeetingErrors.InvalidFormat, "format", "形式は online か offline を選んでください。", "The format must be online or offline.");

        var joinUrl = input.JoinUrl ?? current?.JoinUrl;
        Require(string.IsNullOrWhiteSpace(joinUrl) || IsWebAddress(joinUrl), MeetingErrors.InvalidJoinUrl, "joinUrl",
            "参加URLは https:// で始まるURLを入力してください。", "The join URL must be an https:// address.");
        var venue = input.Venue ?? current?.Venue;
        Require(venue is null || venue.Trim().Length <= Meeting.PlaceMaxLength, MeetingErrors.InvalidVenue, "venue",
            $"会場は{Meeting.PlaceMaxLength}文字以内で入力してください。", $"The venue must be at most {Meeting.PlaceMaxLength} characters.");
        var area = input.Area ?? current?.Area;
        Require(area is null || area.Trim().Length <= Meeting.PlaceMaxLength, MeetingErrors.InvalidArea, "area",
            $"地域は{Meeting.PlaceMaxLength}文字以内で入力してください。", $"The area must be at most {Meeting.PlaceMaxLength} characters.");
        Require(format != MeetingFormat.Offline || !string.IsNullOrWhiteSpace(area), MeetingErrors.InvalidArea, "area",
            "対面の交流会には、公開する地域（例：東京都杉並区）を入力してください。", "An offline meeting needs a public area (e.g. a city ward).");

        var capacity = input.Capacity ?? current?.Capacity;
        Require(capacity is >= 1 and <= Meeting.MaxCapacity, MeetingErrors.InvalidCapacity, "capacity",
            $"定員は1〜{Meeting.MaxCapacity}人にしてください。", $"The capacity must be 1 to {Meeting.MaxCapacity}.");

        Require(input.Eligibility is null || input.Eligibility.Count <= FamilyPositionNames.All.Count, MeetingErrors.InvalidEligibility, "eligibility",
            $"対象の立場は{FamilyPositionNames.All.Count}個までです。", $"Eligibility: at most {FamilyPositionNames.All.Count} items.");
        Require(input.Eligibility is null || input.Eligibility.All(FamilyPositionNames.IsKnown), MeetingErrors.InvalidEligibility, "eligibility",
            $"対象の立場は {string.Join(", ", FamilyPositionNames.All)} から選んでください。",
            $"Eligibility must be among {string.Join(", ", FamilyPositionNames.All)}.");
        var eligibility = input.Eligibility is null ? current?.Eligibility ?? FamilyPositions.None : FamilyPositionNames.Parse(input.Eligibility);

        // The deadline follows the start unless set; it may not be after it.
        RequirePlausible(input.ApplicationDeadline, MeetingErrors.InvalidApplicationDeadline, "applicationDeadline");
        var deadline = JapanTime.AsUtc(input.ApplicationDeadline)
            ?? (current is not null && current.ApplicationDeadline != current.StartsAt ? current.ApplicationDeadline : startsAt!.Value);
        Require(deadline <= startsAt, MeetingErrors.InvalidApplicationDeadline, "applicationDeadline", "申し込み締め切りは開始日時より前にしてください。", "The application deadline must not be after the start.");

        var feeNote = input.FeeNote ?? current?.FeeNote;
        Require(feeNote is null || feeNote.Trim().Length <= Meeting.FeeNoteMaxLength, MeetingErrors.InvalidFeeNote, "feeNote",
            $"参加費の説明は{Meeting.FeeNoteMaxLength}文字以内で入力してください。", $"The fee note must be at most {Meeting.FeeNoteMaxLength} characters.");

        return new MeetingDetails(title!, description, startsAt!.Value, endsAt!.Value, format!.Value, joinUrl, venue, area, capacity!.Value, eligibility, deadline, feeNote);
    }

    /// <summary>An https address with no control characters or spaces (it is written into calendar files).</summary>
    private static bool IsWebAddress(string value) =>
        value.Trim().Length <= Meeting.PlaceMaxLength
        && !value.Trim().Any(c => char.IsControl(c) || char.IsWhiteSpace(c))
        && Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri)
        && uri.Scheme == Uri.UriSchemeHttps;

    /// <summary>A time the client sent is within <see cref="PlausibleDates"/>; stored ones are left as they are.</summary>
    private static void RequirePlausible(DateTime? sent, ErrorCode error, string field) =>
        Require(PlausibleDates.Contains(sent), error, field, PlausibleDates.TimeOutOfRange.Ja, PlausibleDates.TimeOutOfRange.En);

    private static void Require(bool ok, ErrorCode error, string field, string ja, string en)
    {
        if (!ok)
        {
            throw error.Error(new LocalizedText(ja, en), field);
        }
    }
}
