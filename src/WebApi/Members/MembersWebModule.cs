using Mediator;
using Microsoft.AspNetCore.Mvc;
using Salon.Application.Members.BlockMember;
using Salon.Application.Members.ChangeEmail;
using Salon.Application.Members.ChangePassword;
using Salon.Application.Members.ConfirmEmail;
using Salon.Application.Members.ConfirmEmailChange;
using Salon.Application.Members.DeleteAccount;
using Salon.Application.Members.ExportMyData;
using Salon.Application.Members.ForgotPassword;
using Salon.Application.Members.GetMe;
using Salon.Application.Members.GetMemberProfile;
using Salon.Application.Members.ListBlocks;
using Salon.Application.Members.Login;
using Salon.Application.Members.Logout;
using Salon.Application.Members.RefreshTokens;
using Salon.Application.Members.Register;
using Salon.Application.Members.ResendConfirmation;
using Salon.Application.Members.ResetPassword;
using Salon.Application.Members.SearchMembers;
using Salon.Application.Members.SetMemberRoles;
using Salon.Application.Members.UnblockMember;
using Salon.Application.Members.UpdateMe;
using Salon.Infrastructure.Members;
using Salon.WebApi.Common;
using static Microsoft.AspNetCore.Http.StatusCodes;

namespace Salon.WebApi.Members;

/// <summary>Members and sign-in (<c>/api/auth</c>, <c>/api/me</c>, <c>/api/members</c>, <c>/api/admin/members</c>; README "A first tour with curl"). Each route sends one message; the
/// message's folder under src/Application/Members is named after it.</summary>
internal sealed class MembersWebModule : ISalonModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration) => services.AddMembersModule();

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        MapAuth(endpoints.MapGroup("/api/auth").WithTags("Auth").AllowAnonymous());
        MapMe(endpoints.MapGroup("/api/me").WithTags("Me").RequireAuthorization());

        // Outside the anonymous /api/auth group: without a valid access token (none, expired, garbage) it answers
        // 401 like every other member route.
        endpoints.MapPost("/api/auth/logout", async (HttpCurrentMember me, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new LogoutCommand(me.RequiredId, me.SessionId ?? Guid.Empty), ct);
                return TypedResults.NoContent();
            })
            .WithName("Logout").WithSummary("ログアウトする / Sign out")
            .WithTags("Auth").RequireAuthorization().ProducesProblems(Status401Unauthorized);

        endpoints.MapGet("/api/members/{id:guid}", async (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetMemberProfileQuery(id), ct)))
            .WithName("GetMemberProfile").WithSummary("メンバーのプロフィール / A member's public profile")
            .WithTags("Members").RequireAuthorization().ProducesProblems(Status401Unauthorized, Status404NotFound);

        endpoints.MapGet("/api/admin/members", async (string? nickname, string? cursor, int? limit, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new SearchMembersQuery(nickname, cursor, limit), ct)))
            .WithName("SearchMembers").WithSummary("メンバーを探す（管理者） / Find members (admins)")
            .WithTags("Admin").RequireAuthorization(Policies.Admin)
            .WithDescription("Members whose nickname contains `nickname` (NFKC, case-insensitive), oldest first, with roles and suspension; "
                + "without `nickname`, the members who hold a role. Never an e-mail address.")
            .ProducesProblems(Status400BadRequest, Status401Unauthorized, Status403Forbidden);

        endpoints.MapPut("/api/admin/members/{id:guid}/roles", async (Guid id, SetRolesRequest body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(new RolesResponse(await mediator.Send(new SetMemberRolesCommand(id, body.Roles ?? []), ct))))
            .WithName("SetMemberRoles").WithSummary("役割を設定する（管理者） / Set a member's roles (admins)")
            .WithTags("Admin").RequireAuthorization(Policies.Admin)
            .ProducesProblems(Status400BadRequest, Status401Unauthorized, Status403Forbidden, Status404NotFound, Status422UnprocessableEntity);
    }

    private static void MapAuth(RouteGroupBuilder auth)
    {
        auth.MapPost("/register", async (RegisterCommand command, IMediator mediator, CancellationToken ct) =>
                TypedResults.Created("/api/me", await mediator.Send(command, ct)))
            .WithName("Register").WithSummary("ニックネームで登録する / Register with a nickname")
            .ProducesProblems(Status400BadRequest, Status409Conflict)
            .RequireRateLimiting(RateLimits.Registration);

        auth.MapPost("/confirm-email", async (ConfirmEmailCommand command, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(command, ct);
                return TypedResults.NoContent();
            })
            .WithName("ConfirmEmail").WithSummary("メールアドレスを確認する / Confirm the e-mail address")
            .ProducesProblems(Status400BadRequest, Status409Conflict)
            .RequireRateLimiting(RateLimits.SignIn);

        auth.MapPost("/resend-confirmation", async (ResendConfirmationCommand command, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(command, ct);
                return TypedResults.Accepted((string?)null);
            })
            .WithName("ResendConfirmation").WithSummary("確認メールを再送する / Resend the confirmation e-mail")
            .ProducesProblems(Status400BadRequest)
            .RequireRateLimiting(RateLimits.PasswordReset);

        auth.MapPost("/login", async (LoginCommand command, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(command, ct)))
            .WithName("Login").WithSummary("ログインする / Sign in")
            .ProducesProblems(Status400BadRequest, Status401Unauthorized, Status403Forbidden)
            .RequireRateLimiting(RateLimits.SignIn);

        auth.MapPost("/refresh", async (RefreshTokensCommand command, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(command, ct)))
            .WithName("RefreshTokens").WithSummary("トークンを更新する / Refresh the tokens")
            .ProducesProblems(Status400BadRequest, Status401Unauthorized)
            .RequireRateLimiting(RateLimits.SignIn);

        auth.MapPost("/forgot-password", async (ForgotPasswordCommand command, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(command, ct);
                return TypedResults.Accepted((string?)null);
            })
            .WithName("ForgotPassword").WithSummary("パスワード再設定メールを送る / Send a password-reset e-mail")
            .ProducesProblems(Status400BadRequest)
            .RequireRateLimiting(RateLimits.PasswordReset);

        auth.MapPost("/reset-password", async (ResetPasswordCommand command, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(command, ct);
                return TypedResults.NoContent();
            })
            .WithName("ResetPassword").WithSummary("パスワードを再設定する / Reset the password")
            .ProducesProblems(Status400BadRequest)
            .RequireRateLimiting(RateLimits.PasswordReset);

        auth.MapPost("/confirm-email-change", async (ConfirmEmailChangeCommand command, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(command, ct);
                return TypedResults.NoContent();
            })
            .WithName("ConfirmEmailChange").WithSummary("新しいメールアドレスを確認する / Confirm the new e-mail address")
            .ProducesProblems(Status400BadRequest, Status409Conflict)
            .RequireRateLimiting(RateLimits.PasswordReset);
    }

    private static void MapMe(RouteGroupBuilder me)
    {
        me.MapGet("", async (HttpCurrentMember current, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetMeQuery(current.RequiredId), ct)))
            .WithName("GetMe").WithSummary("自分のアカウント / My account")
            .ProducesProblems(Status401Unauthorized);

        me.MapPatch("", async (UpdateMeRequest body, HttpCurrentMember current, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new UpdateMeCommand(current.RequiredId, body.Nickname, body.FamilyPositions, body.Bio), ct);
                return TypedResults.Ok(await mediator.Send(new GetMeQuery(current.RequiredId), ct));
            })
            .WithName("UpdateMe").WithSummary("プロフィールを変更する / Update my profile")
            .ProducesProblems(Status400BadRequest, Status401Unauthorized, Status409Conflict);

        me.MapPut("/password", async (ChangePasswordRequest body, HttpCurrentMember current, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new ChangePasswordCommand(current.RequiredId, current.SessionId, body.CurrentPassword, body.NewPassword), ct);
                return TypedResults.NoContent();
            })
            .WithName("ChangePassword").WithSummary("パスワードを変更する / Change my password")
            .ProducesProblems(Status400BadRequest, Status401Unauthorized);

        me.MapPut("/email", async (ChangeEmailRequest body, HttpCurrentMember current, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new ChangeEmailCommand(current.RequiredId, body.NewEmail, body.CurrentPassword), ct);
                return TypedResults.Accepted((string?)null);
            })
            .WithName("ChangeEmail").WithSummary("メールアドレスを変更する / Change my e-mail address")
            .ProducesProblems(Status400BadRequest, Status401Unauthorized);

        me.MapGet("/export", async (HttpCurrentMember current, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ExportMyDataQuery(current.RequiredId), ct)))
            .WithName("ExportMyData").WithSummary("自分のデータを書き出す / Export my data")
            .ProducesProblems(Status401Unauthorized);

        me.MapDelete("", async ([FromBody] DeleteAccountRequest body, HttpCurrentMember current, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new DeleteAccountCommand(current.RequiredId, body.Password, body.ContentHandling), ct);
                return TypedResults.Accepted((string?)null);
            })
            .WithName("DeleteAccount").WithSummary("退会する / Delete my account")
            .ProducesProblems(Status400BadRequest, Status401Unauthorized);

        me.MapGet("/blocks", async (string? cursor, int? limit, HttpCurrentMember current, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListBlocksQuery(current.RequiredId, cursor, limit), ct)))
            .WithName("ListBlocks").WithSummary("ブロック中のメンバー / List the members I block")
            .ProducesProblems(Status400BadRequest, Status401Unauthorized);

        me.MapPut("/blocks/{memberId:guid}", async (Guid memberId, HttpCurrentMember current, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new BlockMemberCommand(current.RequiredId, memberId), ct);
                return TypedResults.NoContent();
            })
            .WithName("BlockMember").WithSummary("メンバーをブロックする / Block a member")
            .ProducesProblems(Status401Unauthorized, Status404NotFound, Status422UnprocessableEntity);

        me.MapDelete("/blocks/{memberId:guid}", async (Guid memberId, HttpCurrentMember current, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new UnblockMemberCommand(current.RequiredId, memberId), ct);
                return TypedResults.NoContent();
            })
            .WithName("UnblockMember").WithSummary("ブロックを解除する / Unblock a member")
            .ProducesProblems(Status401Unauthorized);
    }
}
