using Salon.ArchitectureTests.Rules;

namespace Salon.ArchitectureTests;

/// <summary>One kind of place for each kind of thing (docs/modules.md, "Where things go").</summary>
public class PlacementTests
{
    [Fact]
    public void Jobs_and_their_schedules_live_in_Jobs_folders()
    {
        Verdict.SelectionIsNotEmpty(
            Codebase.Salon.Layer("Infrastructure").GetTypes().Where(t => t.Namespace?.EndsWith(".Jobs", StringComparison.Ordinal) == true && t.Name.EndsWith("Job", StringComparison.Ordinal)),
            "jobs in Salon.Infrastructure.{Module}.Jobs");
        Verdict.Holds("Hangfire jobs (…Job) and their schedules (IRecurringJobRegistrar) live in Salon.Infrastructure.{Module}.Jobs:", PlacementRules.JobsLiveInJobsFolders(Codebase.Salon));
    }

    [Fact]
    public void Member_deletion_handlers_live_in_RemoveMemberData()
    {
        Verdict.SelectionIsNotEmpty(
            Codebase.Salon.Layer("Application").GetTypes().Where(t => t.Namespace?.EndsWith(".RemoveMemberData", StringComparison.Ordinal) == true),
            "member-deletion handlers in Salon.Application.{Module}.RemoveMemberData");
        Verdict.Holds("Every module handles MemberDeleted in its RemoveMemberData folder:", PlacementRules.MemberDeletionHandlersLiveInRemoveMemberData(Codebase.Salon));
    }

    [Fact]
    public void Digest_sections_live_in_DigestSections()
    {
        Verdict.SelectionIsNotEmpty(
            Codebase.Salon.Layer("Application").GetTypes().Where(t => t.Namespace?.EndsWith(".DigestSections", StringComparison.Ordinal) == true),
            "digest sections in Salon.Application.{Module}.DigestSections");
        Verdict.Holds("Every module's digest sections live in its DigestSections folder:", PlacementRules.DigestSectionsLiveInDigestSections(Codebase.Salon));
    }
}
