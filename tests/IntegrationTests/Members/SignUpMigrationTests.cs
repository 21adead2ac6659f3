using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Salon.IntegrationTests.Infrastructure;

namespace Salon.IntegrationTests.Members;

/// <summary>The SignUps migration turns accounts whose address was never confirmed (as registration made them
/// before ADR 0017) into pending sign-ups, on either provider.</summary>
public sealed class SignUpMigrationTests
{
    [Fact]
    public async Task An_unconfirmed_account_becomes_a_pending_sign_up_that_can_still_be_confirmed()
    {
        using var factory = new SalonApiFactory();
        using var client = factory.CreateClient();
        var prober = await factory.SignUpAsync(client);
        var confirmed = await factory.SignUpAsync(client);
        var legacy = await factory.SignUpAsync(client);

        await factory.WithDbAsync(async db =>
        {
            var migrations = db.Database.GetMigrations().ToList();
            var signUps = migrations.FindIndex(m => m.EndsWith("_SignUps", StringComparison.Ordinal));
            Assert.True(signUps > 0);
            await db.GetService<IMigrator>().MigrateAsync(migrations[signUps - 1]);

            // What registration left before: a member row and credentials whose address is not confirmed.
            return await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE \"AspNetUsers\" SET \"EmailConfirmed\" = {false} WHERE \"Id\" = {legacy.Id}");
        });
        await factory.WithDbAsync(async db =>
        {
            await db.Database.MigrateAsync();
            return 0;
        });

        await (await client.SendAsAsync(prober, HttpMethod.Get, $"/api/members/{legacy.Id}")).ShouldBe(HttpStatusCode.NotFound);
        await (await client.SendAsAsync(prober, HttpMethod.Get, $"/api/members/{confirmed.Id}")).ShouldBe(HttpStatusCode.OK);
        var taken = await client.PostAsJsonAsync("/api/auth/register", ApiClient.Registration(ApiClient.UniqueEmail(), legacy.Nickname));
        await taken.ShouldBe(HttpStatusCode.Conflict);

        var early = await client.PostAsJsonAsync("/api/auth/login", new { email = legacy.Email, password = legacy.Password });
        await early.ShouldBe(HttpStatusCode.Forbidden);
        Assert.Equal("email-not-confirmed", (await early.JsonAsync()).GetProperty("code").GetString());

        await (await client.PostAsJsonAsync("/api/auth/resend-confirmation", new { email = legacy.Email })).ShouldBe(HttpStatusCode.Accepted);
        var mail = await factory.LatestToAsync(legacy.Email, "email-confirmation");
        Assert.Equal(legacy.Id.ToString(), mail.Value("userId"));
        await (await client.PostAsJsonAsync("/api/auth/confirm-email", new { userId = legacy.Id, token = mail.Value("token") })).ShouldBe(HttpStatusCode.NoContent);
        await client.LoginAsync(legacy.Email, legacy.Password);
        await client.LoginAsync(confirmed.Email, confirmed.Password);
        Assert.Equal(legacy.Nickname, (await (await client.SendAsAsync(prober, HttpMethod.Get, $"/api/members/{legacy.Id}")).JsonAsync()).GetProperty("nickname").GetString());
    }
}
