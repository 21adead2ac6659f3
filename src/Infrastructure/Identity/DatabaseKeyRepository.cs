using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.DependencyInjection;
using Salon.Infrastructure.Persistence;

namespace Salon.Infrastructure.Identity;

/// <summary>Data protection's keys in the database's <c>DataProtectionKeys</c> table, so every instance on one
/// database shares them. What EF Core's <c>PersistKeysToDbContext</c> does, except that the key ring is read with plain
/// SQL: the key ring is loaded as the host starts, and its LINQ query was one more compilation on the way to ready
/// (docs/adr/0030). New keys (rare) are added through the context.</summary>
internal sealed class DatabaseKeyRepository(IServiceProvider services) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SalonDbContext>();
        return db.ReadColumn<string?>("SELECT \"Xml\" FROM \"DataProtectionKeys\"")
            .Where(xml => !string.IsNullOrEmpty(xml))
            .Select(xml => XElement.Parse(xml!))
            .ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SalonDbContext>();
        db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        db.SaveChanges();
    }
}
