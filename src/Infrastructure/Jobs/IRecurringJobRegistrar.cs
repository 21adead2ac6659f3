using Hangfire;

namespace Salon.Infrastructure.Jobs;

/// <summary>A module's recurring jobs. Each module registers one; <see cref="RecurringJobsRegistration"/>
/// calls them all at start-up. Use stable job ids, and <see cref="RecurringJobsRegistration.Tokyo"/> for
/// schedules that are a local time.</summary>
public interface IRecurringJobRegistrar
{
    void Register(IRecurringJobManager recurringJobs);
}
