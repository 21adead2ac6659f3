using Salon.ArchitectureTests.Rules;

namespace Salon.ArchitectureTests;

/// <summary>Every rule can fail: each runs on tests/ArchitectureTests.Violations (two modules, Alpha and Beta, laid
/// out like src/) and must report exactly the violation planted for it, no more (so the rule is not merely noisy)
/// and no less (so a rule that stops seeing something fails here).</summary>
public class ViolationTests
{
    private static readonly Codebase Planted = Codebase.Violations;
    private static readonly Messages Messages = new(Planted);

    [Fact]
    public void The_violations_have_the_two_planted_modules()
    {
        Assert.Equal(["Alpha", "Beta"], Planted.Modules);
    }

    [Fact]
    public void Layer_rule_catches_the_domain_using_the_application_layer()
    {
        AssertReports(["Salon.Domain.Alpha.DomainUsesApplication"], LayerRules.TypesUsing(Planted.Layer("Domain"), "Salon.Domain", LayerTests.DomainForbidden));
    }

    [Fact]
    public void Layer_rule_catches_a_forbidden_assembly_reference()
    {
        // The planted project references Mediator (the Mediator.Abstractions package) and FluentValidation for its use cases; the Domain may not.
        AssertReports(
            ["Salon.ArchitectureTests.Violations references assembly FluentValidation", "Salon.ArchitectureTests.Violations references assembly Mediator"],
            LayerRules.ForbiddenReferences(Planted.Layer("Domain"), LayerTests.DomainForbidden));
    }

    [Fact]
    public void Compiled_module_isolation_catches_a_call_into_another_modules_internals_but_not_its_inlined_constants()
    {
        // UsesBetaConstants uses Beta's constants and enum values too, but the compiler copied them into Alpha: the
        // compiled rule cannot see them, which is why the source rule exists.
        AssertReports(
            ["Salon.Application.Alpha.UsesBetaInternals -> Salon.Application.Beta.BetaInternal"],
            ModuleRules.Isolation(Planted, []));
    }

    [Fact]
    public void Compiled_module_isolation_reports_an_exception_that_is_no_longer_needed()
    {
        AssertReports(
            ["Alpha -> Salon.Application.Beta.BetaUnused"],
            ModuleRules.UnusedExceptions(Planted, [("Alpha", "Salon.Application.Beta.BetaInternal", "used"), ("Alpha", "Salon.Application.Beta.BetaUnused", "not used")]));
    }

    [Fact]
    public void Source_module_isolation_catches_usings_aliases_static_usings_full_and_relative_names_and_global_usings()
    {
        AssertReports(
            [
                "Application/Alpha/UsesBetaConstants.cs: Salon.Domain.Beta.BetaKind (Beta's internal namespace Salon.Domain.Beta)",
                "Application/Alpha/UsesBetaConstants.cs: using BetaText = Salon.Domain.Beta.BetaNames; (Beta's internal namespace Salon.Domain.Beta)",
                "Application/Alpha/UsesBetaConstants.cs: using Salon.Domain.Beta; (Beta's internal namespace Salon.Domain.Beta)",
                "Application/Alpha/UsesBetaConstants.cs: using static Salon.Domain.Beta.BetaNames; (Beta's internal namespace Salon.Domain.Beta)",
                "Application/Alpha/UsesBetaInternals.cs: Salon.Application.Beta.BetaInternal (Beta's internal namespace Salon.Application.Beta)",
                "Application/Alpha/UsesBetaRelatively.cs: Salon.Domain.Beta.BetaKind (Beta's internal namespace Salon.Domain.Beta)",
                "Salon.ArchitectureTests.Violations.csproj: global <Using Include=\"Salon.Infrastructure.Beta\" /> opens Beta's internals to every module of the assembly",
            ],
            SourceRules.ModuleIsolation(Planted.Source));
    }

    [Fact]
    public void Namespace_rule_catches_a_type_outside_the_layer_namespaces()
    {
        AssertReports(
            ["Salon.Elsewhere.Stray (assembly Salon.ArchitectureTests.Violations) is outside Salon.Domain and Salon.Application and Salon.Infrastructure and Salon.WebApi"],
            PlacementRules.TypesOutsideTheirLayer(Planted));
    }

    [Fact]
    public void Namespace_rule_catches_a_file_whose_namespace_is_not_its_folder()
    {
        AssertReports(
            ["Application/Alpha/Misfiled/MisfiledThing.cs declares namespace Salon.Application.Alpha; its folder says Salon.Application.Alpha.Misfiled"],
            SourceRules.NamespacesMatchFolders(Planted.Source));
    }

    [Fact]
    public void One_type_per_file_rule_catches_a_second_top_level_type()
    {
        AssertReports(
            ["Domain/Beta/TwoTypes.cs declares TwoTypes, Extra: give Extra a file of its own"],
            SourceRules.OneTypePerFile(Planted.Source));
    }

    [Fact]
    public void Message_name_rule_catches_a_query_not_named_Query()
    {
        AssertReports(["Salon.Application.Alpha.Ping.Ping implements IQuery but is not named …Query"], MessageRules.MessageNames(Messages));
    }

    [Fact]
    public void Handler_rules_catch_an_unsealed_and_a_misnamed_handler()
    {
        AssertReports(["Salon.Application.Alpha.Open.OpenCommandHandler (public, not sealed)"], MessageRules.HandlersArePublicAndSealed(Messages));
        AssertReports(
            [
                "Salon.Application.Alpha.Misnamed.MisnamedQueryWorker handles MisnamedQuery and should be named MisnamedQueryHandler",
                "Salon.Application.Alpha.Misnamed.MisnamedQueryWorker handles a query but is not named …QueryHandler",
                "Salon.Application.Alpha.Ping.PingHandler handles a query but is not named …QueryHandler",
            ],
            MessageRules.HandlerNames(Messages));
    }

    [Fact]
    public void Validator_rule_catches_a_command_without_a_validator()
    {
        AssertReports(
            ["Salon.Application.Alpha.Unvalidated.UnvalidatedCommand has 0 AbstractValidator<UnvalidatedCommand> (); expected exactly one"],
            MessageRules.EveryCommandHasOneValidatorNextToIt(Messages));
    }

    [Fact]
    public void Validator_rule_catches_a_validator_that_takes_a_service()
    {
        AssertReports(
            ["Salon.Application.Alpha.Injected.InjectedCommandValidator takes TimeProvider in its constructor"],
            MessageRules.ValidatorsTakeNothing(Planted));
    }

    [Fact]
    public void Validator_rule_catches_a_message_that_is_not_a_lambda()
    {
        AssertReports(
            ["Application/Alpha/Injected/InjectedCommand.cs:14 passes WithMessage a value, not a lambda"],
            SourceRules.ValidationMessagesAreLambdas(Planted.Source));
    }

    [Fact]
    public void Immutability_rule_catches_a_public_setter()
    {
        AssertReports(["Salon.Application.Alpha.Mutable.MutableQuery.Page has a public setter"], MessageRules.MessagesAreImmutable(Messages));
    }

    [Fact]
    public void Use_case_folder_rule_catches_two_use_cases_in_one_folder()
    {
        AssertReports(
            ["Salon.Application.Alpha.Shared holds several use cases (FirstQuery, SecondQuery); give each its own folder"],
            MessageRules.OneFolderPerUseCase(Messages));
    }

    [Fact]
    public void Endpoint_rule_catches_an_endpoint_using_a_persistence_port()
    {
        AssertReports(["Salon.WebApi.Alpha.AlphaEndpoints"], PlacementRules.EndpointsUseNoPersistence(Planted, []));
    }

    [Fact]
    public void Placement_rules_catch_a_loose_job_a_misplaced_deletion_handler_and_a_misplaced_digest_section()
    {
        AssertReports(["Salon.Infrastructure.Alpha.LooseJob is a job or a job schedule outside a Jobs folder"], PlacementRules.JobsLiveInJobsFolders(Planted));
        AssertReports(
            ["Salon.Application.Alpha.Cleanup.RemoveAlphaDataOnMemberDeleted handles MemberDeleted outside Salon.Application.Alpha.RemoveMemberData"],
            PlacementRules.MemberDeletionHandlersLiveInRemoveMemberData(Planted));
        AssertReports(
            ["Salon.Application.Alpha.Digest.AlphaDigestSection is a digest section outside Salon.Application.Alpha.DigestSections"],
            PlacementRules.DigestSectionsLiveInDigestSections(Planted));
    }

    private static void AssertReports(IEnumerable<string> planted, IEnumerable<string> reported) =>
        Assert.Equal(planted.Order(StringComparer.Ordinal), reported.Distinct().Order(StringComparer.Ordinal));
}
