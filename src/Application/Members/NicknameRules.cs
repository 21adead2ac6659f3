using Microsoft.EntityFrameworkCore;
using Salon.Domain.Common;
using Salon.Domain.Members;

namespace Salon.Application.Members;

internal static class NicknameRules
{
    public static SalonException Taken() => SalonException.Conflict(
        "nickname-taken",
        new LocalizedText("このニックネームはすでに使われています。別のニックネームを選んでください。", "This nickname is already taken. Please choose another."));

    public static async Task EnsureAvailableAsync(IMembersDb db, string nickname, Guid? exceptMemberId, CancellationToken cancellationToken)
    {
        var normalized = Nickname.Normalize(nickname);
        var taken = await db.Members.AnyAsync(
            m => m.NormalizedNickname == normalized && (exceptMemberId == null || m.Id != exceptMemberId),
            cancellationToken);
        if (taken)
        {
            throw Taken();
        }
    }
}
