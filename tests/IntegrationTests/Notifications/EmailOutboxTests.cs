using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Salon.Application.Notifications.SendPendingEmails;
using Salon.Domain.Notifications;
using Salon.IntegrationTests.Infrastructure;

namespace Salon.IntegrationTests.Notifications;

public sealed class EmailOutboxTests
{
    [Fact]
    public async Task By_default_mail_is_written_once_as_an_eml_file_a_newcomer_can_read()
    {
        using var factory = new SalonApiFactory();
        var client = factory.CreateClient();
        var email = ApiClient.UniqueEmail();
        await (await client.PostAsJsonAsync("/api/auth/register", ApiClient.Registration(email, "ゆき" + Guid.NewGuid().ToString("N")[..4]))).ShouldBe(HttpStatusCode.Created);

        var first = await factory.SendAsync(new SendPendingEmailsCommand());
        var second = await factory.SendAsync(new SendPendingEmailsCommand());

        Assert.Equal(1, first.Sent);
        Assert.Equal(0, second.Sent);
        var files = Directory.GetFiles(Path.Combine(factory.Directory, "mail"), "*.eml");
        var file = Assert.Single(files);
        var text = await File.ReadAllTextAsync(file);
        Assert.Contains("ご登録ありがとうございます", text, StringComparison.Ordinal);
        Assert.Contains("token: ", text, StringComparison.Ordinal);
        var mail = await factory.LatestToAsync(email, "email-confirmation");
        Assert.Equal(OutboxEmailStatus.Sent, mail.Status);
        Assert.NotNull(mail.SentAt);
    }

    [Fact]
    public async Task Smtp_delivery_sends_a_neutral_bilingual_message_and_a_bounce_marks_the_address_undeliverable()
    {
        await using var smtp = new TestSmtpServer();
        using var factory = new SalonApiFactory();
        factory.Settings["Email:SmtpHost"] = "127.0.0.1";
        factory.Settings["Email:SmtpPort"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        factory.Settings["Email:SmtpSecurity"] = "None";
        var client = factory.CreateClient();

        var good = ApiClient.UniqueEmail("good");
        var bounce = ApiClient.UniqueEmail("bounce");
        await (await client.PostAsJsonAsync("/api/auth/register", ApiClient.Registration(good, ApiClient.UniqueNickname()))).ShouldBe(HttpStatusCode.Created);
        await (await client.PostAsJsonAsync("/api/auth/register", ApiClient.Registration(bounce, ApiClient.UniqueNickname()))).ShouldBe(HttpStatusCode.Created);

        var result = await factory.SendAsync(new SendPendingEmailsCommand());

        Assert.Equal(1, result.Sent);
        Assert.Equal(1, result.Failed);
        var message = Assert.Single(smtp.Messages);
        Assert.Equal(good, message.To.Mailboxes.Single().Address);
        Assert.Equal("サロンからのお知らせ / A message from Salon", message.Subject);
        Assert.Equal("サロン", message.From.Mailboxes.Single().Name);
        Assert.Contains("ご登録ありがとうございます", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Thank you for registering", message.TextBody, StringComparison.Ordinal);

        var bounced = await factory.LatestToAsync(bounce, "email-confirmation");
        Assert.Equal(OutboxEmailStatus.Failed, bounced.Status);
        Assert.Equal("smtp 550", bounced.LastError);
        var undeliverable = await factory.WithDbAsync(db => db.UndeliverableAddresses.AnyAsync(u => u.NormalizedAddress == bounce.ToUpperInvariant()));
        Assert.True(undeliverable);

        // Later mail to the bounced address is not attempted again.
        await (await client.PostAsJsonAsync("/api/auth/resend-confirmation", new { email = bounce })).ShouldBe(HttpStatusCode.Accepted);
        var later = await factory.SendAsync(new SendPendingEmailsCommand());
        Assert.Equal(1, later.Suppressed);
        Assert.Single(smtp.Messages);
    }

    [Fact]
    public async Task When_the_smtp_server_is_down_mail_waits_and_is_retried_later()
    {
        using var factory = new SalonApiFactory();
        factory.Settings["Email:SmtpHost"] = "127.0.0.1";
        factory.Settings["Email:SmtpPort"] = "1"; // nothing listens there
        factory.Settings["Email:SmtpSecurity"] = "None";
        factory.Settings["Email:SmtpTimeout"] = "00:00:05";
        var client = factory.CreateClient();
        var email = ApiClient.UniqueEmail();
        await (await client.PostAsJsonAsync("/api/auth/register", ApiClient.Registration(email, ApiClient.UniqueNickname()))).ShouldBe(HttpStatusCode.Created);

        var result = await factory.SendAsync(new SendPendingEmailsCommand());

        Assert.Equal(1, result.Retrying);
        var mail = await factory.LatestToAsync(email, "email-confirmation");
        Assert.Equal(OutboxEmailStatus.Pending, mail.Status);
        Assert.Equal(1, mail.Attempts);
        Assert.True(mail.NextAttemptAt > DateTime.UtcNow);

        // Not due yet, so the next run leaves it alone.
        var immediately = await factory.SendAsync(new SendPendingEmailsCommand());
        Assert.Equal(0, immediately.Retrying + immediately.Sent + immediately.Failed);
    }

    /// <summary>An address the mail library cannot read (kept from before sign-up checked for it, or one the two parsers
    /// read differently) fails for good on its first try, on either transport: it used to throw out of the run, leaving
    /// the row claimed and pending forever and the mail queued after it unsent until the next run.</summary>
    [Theory]
    [InlineData("pickup")]
    [InlineData("smtp")]
    public async Task An_address_the_mail_library_cannot_read_fails_for_good_without_holding_up_other_mail(string transport)
    {
        await using var smtp = new TestSmtpServer();
        using var factory = new SalonApiFactory();
        if (transport == "smtp")
        {
            factory.Settings["Email:SmtpHost"] = "127.0.0.1";
            factory.Settings["Email:SmtpPort"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            factory.Settings["Email:SmtpSecurity"] = "None";
        }

        var client = factory.CreateClient();
        var (broken, fine) = (ApiClient.UniqueEmail("broken"), ApiClient.UniqueEmail("fine"));
        await (await client.PostAsJsonAsync("/api/auth/register", ApiClient.Registration(broken, ApiClient.UniqueNickname()))).ShouldBe(HttpStatusCode.Created);
        await (await client.PostAsJsonAsync("/api/auth/register", ApiClient.Registration(fine, ApiClient.UniqueNickname()))).ShouldBe(HttpStatusCode.Created);
        const string unreadable = "a b@example.com";
        await factory.WithDbAsync(db => db.OutboxEmails.Where(e => e.ToAddress == broken).ExecuteUpdateAsync(u => u.SetProperty(e => e.ToAddress, unreadable)));

        var result = await factory.SendAsync(new SendPendingEmailsCommand());

        Assert.Equal((1, 1), (result.Sent, result.Failed));
        Assert.Equal(OutboxEmailStatus.Sent, (await factory.LatestToAsync(fine, "email-confirmation")).Status);
        var failed = await factory.LatestToAsync(unreadable, "email-confirmation");
        Assert.Equal(OutboxEmailStatus.Failed, failed.Status);
        Assert.DoesNotContain("@", failed.LastError ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_senders_running_at_once_deliver_each_message_once()
    {
        using var factory = new SalonApiFactory();
        var client = factory.CreateClient();
        for (var i = 0; i < 6; i++)
        {
            await (await client.PostAsJsonAsync("/api/auth/register", ApiClient.Registration(ApiClient.UniqueEmail(), ApiClient.UniqueNickname()))).ShouldBe(HttpStatusCode.Created);
        }

        var runs = await Task.WhenAll(
            Task.Run(() => factory.SendAsync(new SendPendingEmailsCommand())),
            Task.Run(() => factory.SendAsync(new SendPendingEmailsCommand())));

        Assert.Equal(6, runs.Sum(r => r.Sent));
        Assert.Equal(6, Directory.GetFiles(Path.Combine(factory.Directory, "mail"), "*.eml").Length);
    }
}
