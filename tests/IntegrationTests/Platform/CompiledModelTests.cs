using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Scaffolding;
using Microsoft.Extensions.DependencyInjection;
using Salon.Infrastructure.Persistence;
using Salon.IntegrationTests.Infrastructure;
using PostgresSalonDbContextModel = Salon.Infrastructure.Persistence.CompiledModels.Postgres.PostgresSalonDbContextModel;
using SalonDbContextModel = Salon.Infrastructure.Persistence.CompiledModels.Sqlite.SalonDbContextModel;

namespace Salon.IntegrationTests.Platform;

/// <summary>The app runs on compiled models (src/Infrastructure/Persistence/CompiledModels, docs/adr/0028): code
/// generated from OnModelCreating by <c>dotnet ef dbcontext optimize</c>. A model changed without regenerating it
/// would leave the app on the old model, so these regenerate both providers' compiled models with EF Core's own
/// scaffolder, from the model OnModelCreating builds now, and compare them with the files in the repository.</summary>
public sealed partial class CompiledModelTests
{
    private const string Fix = "The compiled model is stale: run scripts/optimize-model.sh (regenerates both providers' compiled models).";

    [Fact]
    public void The_sqlite_compiled_model_is_generated_from_the_current_model()
    {
        using var db = new DesignTimeDbContextFactory().CreateDbContext([]);
        AssertCurrent(db, "Sqlite");
    }

    [Fact]
    public void The_postgres_compiled_model_is_generated_from_the_current_model()
    {
        using var db = new PostgresDesignTimeDbContextFactory().CreateDbContext([]);
        AssertCurrent(db, "Postgres");
    }

    [Fact]
    public async Task The_app_runs_on_the_compiled_model()
    {
        await using var factory = new SalonApiFactory();
        using var client = factory.CreateClient();
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SalonDbContext>();
        var compiled = SalonApiFactory.UsesPostgres ? PostgresSalonDbContextModel.Instance : SalonDbContextModel.Instance;
        Assert.Same(compiled, db.Model);
    }

    private static void AssertCurrent(DbContext db, string provider)
    {
        var committed = Path.Combine(ConfigurationReferenceTests.RepositoryRoot(), "src", "Infrastructure", "Persistence", "CompiledModels", provider);
        var generated = Directory.CreateTempSubdirectory("salon-compiled-model-").FullName;
        try
        {
            Scaffolder(db).ScaffoldModel(
                db.GetService<IDesignTimeModel>().Model,
                generated,
                new CompiledModelCodeGenerationOptions
                {
                    ContextType = db.GetType(),
                    ModelNamespace = "Salon.Infrastructure.Persistence.CompiledModels." + provider,
                    Language = "C#",
                    UseNullableReferenceTypes = true,
                });

            Assert.Equal(FileNames(committed), FileNames(generated));
            foreach (var name in FileNames(generated))
            {
                Assert.True(
                    Text(Path.Combine(committed, name)) == Text(Path.Combine(generated, name)),
                    $"{Fix} {provider}/{name} differs from what the current model generates.");
            }
        }
        finally
        {
            Directory.Delete(generated, recursive: true);
        }
    }

    /// <summary>The design-time services of the context's provider, found as the EF Core tools find them.</summary>
    private static ICompiledModelScaffolder Scaffolder(DbContext db)
    {
        var services = new ServiceCollection().AddEntityFrameworkDesignTimeServices().AddDbContextDesignTimeServices(db);
        var providerAssembly = Assembly.Load(db.Database.ProviderName!);
        var providerServices = providerAssembly.GetCustomAttribute<DesignTimeProviderServicesAttribute>()!.TypeName;
        ((IDesignTimeServices)Activator.CreateInstance(providerAssembly.GetType(providerServices, throwOnError: true)!)!).ConfigureDesignTimeServices(services);
        return services.BuildServiceProvider().GetRequiredService<ICompiledModelScaffolder>();
    }

    private static List<string> FileNames(string directory) =>
        Directory.GetFiles(directory, "*.cs").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList()!;

    /// <summary>The file's code, without the model id (a new random Guid each time the model is generated).</summary>
    private static string Text(string path) =>
        ModelId().Replace(File.ReadAllText(path).ReplaceLineEndings("\n"), "modelId: new Guid(\"…\")");

    [GeneratedRegex("""modelId: new Guid\("[0-9a-f-]{36}"\)""")]
    private static partial Regex ModelId();
}
