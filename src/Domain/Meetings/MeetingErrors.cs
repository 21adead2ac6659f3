using Salon.Domain.Common;

namespace Salon.Domain.Meetings;

/// <summary>The Meetings module's error catalogue (see <see cref="ErrorCode"/>). The <c>invalid-{field}</c> codes are
/// a meeting's fields checked as they would be after a create or an edit; their raising sites say what is wrong.</summary>
public static class MeetingErrors
{
    /// <summary>422 (the contract's answer to applying to a cancelled meeting); the same for editing or cancelling it again.</summary>
    public static readonly ErrorCode Cancelled = new(
        "meeting-cancelled", ErrorKind.Rule, new LocalizedText("この交流会は中止になりました。", "This meeting has been cancelled."));

    public static readonly ErrorCode Started = new(
        "meeting-started", ErrorKind.Rule, new LocalizedText("この交流会はすでに始まっています。", "This meeting has already started."));

    public static readonly ErrorCode ApplicationClosed = new(
        "application-closed", ErrorKind.Rule, new LocalizedText("申し込みの締め切りを過ぎています。", "Applications for this meeting have closed."));

    public static readonly ErrorCode NotEligible = new(
        "not-eligible",
        ErrorKind.Rule,
        new LocalizedText("この交流会は、対象の立場の方だけが申し込めます。", "This meeting is only for members in its family positions."));

    public static readonly ErrorCode AlreadyApplied = new(
        "already-applied", ErrorKind.Conflict, new LocalizedText("この交流会にはすでに申し込んでいます。", "You have already applied to this meeting."));

    /// <summary>422; the raising site says how many are accepted.</summary>
    public static readonly ErrorCode CapacityBelowAccepted = new(
        "capacity-below-accepted",
        ErrorKind.Rule,
        new LocalizedText("定員を、すでに参加が決まっている人数より少なくすることはできません。", "The capacity cannot be lower than the people already accepted."));

    public static readonly ErrorCode InvalidTitle = Field("title");

    public static readonly ErrorCode InvalidDescription = Field("description");

    public static readonly ErrorCode InvalidStartsAt = Field("startsAt");

    public static readonly ErrorCode InvalidEndsAt = Field("endsAt");

    public static readonly ErrorCode InvalidFormat = new(
        "invalid-format", ErrorKind.Invalid, new LocalizedText("形式は online か offline を選んでください。", "The format must be online or offline."));

    public static readonly ErrorCode InvalidJoinUrl = Field("joinUrl");

    public static readonly ErrorCode InvalidVenue = Field("venue");

    public static readonly ErrorCode InvalidArea = Field("area");

    public static readonly ErrorCode InvalidCapacity = Field("capacity");

    public static readonly ErrorCode InvalidEligibility = Field("eligibility");

    public static readonly ErrorCode InvalidApplicationDeadline = Field("applicationDeadline");

    public static readonly ErrorCode InvalidFeeNote = Field("feeNote");

    private static ErrorCode Field(string field) => new(
        "invalid-" + field, ErrorKind.Invalid, new LocalizedText($"{field} の値を確認してください。", $"Check the value of {field}."));
}
