using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Salon.Application.Notifications;
using Salon.Infrastructure.Jobs;
using Salon.Infrastructure.Notifications.Email;
using Salon.Infrastructure.Notifications.Jobs;
using Salon.Infrastructure.Persistence;

namespace Salon.Infrastructure.Notifications;

/// <summary>The Notifications module's infrastructure: its port, the e-mail transport and the outbox job.</summary>
public static class NotificationsModule
{
    public static IServiceCollection AddNotificationsModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddNotificationsApplication();
        services.AddScoped<INotificationsDb>(sp => sp.GetRequiredService<SalonDbContext>());
        services.Configure<EmailOptions>(configuration.GetSection(EmailOptions.Section));
        services.AddSingleton<MimeMessageFactory>();
        var smtpHost = configuration.GetSection(EmailOptions.Section)[nameof(EmailOptions.SmtpHost)];
        if (string.IsNullOrWhiteSpace(smtpHost))
        {
            services.AddScoped<IEmailTransport, PickupDirectoryEmailTransport>();
        }
        else
        {
            services.AddScoped<IEmailTransport, SmtpEmailTransport>();
        }

        services.AddScoped<SendOutboxEmailJob>();
        services.AddScoped<DeliverAnnouncementNoticesJob>();
        services.AddScoped<NotificationsCleanupJob>();
        services.AddScoped<SendDueDigestsJob>();
        services.AddSingleton<IOutboxSignal, HangfireOutboxSignal>();
        services.AddSingleton<IRecurringJobRegistrar, NotificationsRecurringJobs>();
        return services;
    }
}
