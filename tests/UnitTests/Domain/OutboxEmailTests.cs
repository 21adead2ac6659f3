using Salon.Domain.Notifications;

namespace Salon.UnitTests.Domain;

public sealed class OutboxEmailTests
{
    private static readonly DateTime Now = new(2026, 11, 27, 9, 0, 0, DateTimeKind.Utc);

    private static OutboxEmail NewEmail() =>
        OutboxEmail.Create("email-confirmation", null, "a@example.com", "サロンからのお知らせ", "本文", null, null, Now);

    [Fact]
    public void Transient_failures_back_off_exponentially_then_give_up()
    {
        var email = NewEmail();
        email.MarkTransientFailure("smtp 421", Now);
        Assert.Equal(Now.AddMinutes(1), email.NextAttemptAt);
        email.MarkTransientFailure("smtp 421", Now);
        Assert.Equal(Now.AddMinutes(2), email.NextAttemptAt);
        email.MarkTransientFailure("smtp 421", Now);
        Assert.Equal(Now.AddMinutes(4), email.NextAttemptAt);
        Assert.Equal(OutboxEmailStatus.Pending, email.Status);

        for (var i = email.Attempts; i < OutboxEmail.MaxAttempts; i++)
        {
            email.MarkTransientFailure("smtp 421", Now);
        }

        Assert.Equal(OutboxEmailStatus.Failed, email.Status);
        Assert.Equal(OutboxEmail.MaxAttempts, email.Attempts);
    }

    [Fact]
    public void A_permanent_failure_ends_delivery_at_once()
    {
        var email = NewEmail();
        email.MarkPermanentFailure("smtp 550");
        Assert.Equal(OutboxEmailStatus.Failed, email.Status);
        Assert.Equal("smtp 550", email.LastError);
    }

    [Fact]
    public void Undeliverable_addresses_compare_case_insensitively() =>
        Assert.Equal(UndeliverableAddress.Normalize(" Hana@Example.com "), UndeliverableAddress.Mark("hana@example.COM", "smtp 550", Now).NormalizedAddress);
}
