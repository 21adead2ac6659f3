using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Salon.Application.Common.Events;
using Salon.Application.Common.Validation;
using Salon.Application.Members.Contracts;

namespace Salon.Application;

/// <summary>What every module's Application code needs: validators, domain event handlers and
/// personal-data contributors, discovered from this assembly so a new module needs no registration here.</summary>
public static class ApplicationServices
{
    public static IServiceCollection AddSalonApplication(this IServiceCollection services)
    {
        // A rule stops at its first failure, so later checks in it never see a missing value.
        ValidatorOptions.Global.DefaultRuleLevelCascadeMode = CascadeMode.Stop;
        ValidatorOptions.Global.DisplayNameResolver = (_, member, _) => FieldNames.Display(member?.Name);
        // Singletons: a validator is built from expression trees, which cost a request its share of allocations when
        // built per request (issue 15). They are thread-safe once built and take no service (an architecture test).
        services.AddValidatorsFromAssembly(typeof(ApplicationServices).Assembly, ServiceLifetime.Singleton, includeInternalTypes: false);

        foreach (var type in typeof(ApplicationServices).Assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false }))
        {
            foreach (var handlerInterface in type.GetInterfaces()
                .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDomainEventHandler<>)))
            {
                services.AddScoped(handlerInterface, type);
            }

            if (typeof(IPersonalDataContributor).IsAssignableFrom(type))
            {
                services.TryAddEnumerable(ServiceDescriptor.Scoped(typeof(IPersonalDataContributor), type));
            }
        }

        services.TryAddSingleton(TimeProvider.System);
        return services;
    }
}
