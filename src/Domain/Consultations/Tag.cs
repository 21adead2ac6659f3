namespace Salon.Domain.Consultations;

/// <summary>A keyword tag for consultations (接し方, お金の問題 …).</summary>
public sealed class Tag
{
    private Tag()
    {
        Slug = string.Empty;
        Name = string.Empty;
        NameEn = string.Empty;
    }

    public Guid Id { get; private set; }

    public string Slug { get; private set; }

    public string Name { get; private set; }

    public string NameEn { get; private set; }

    public int SortOrder { get; private set; }

    public static Tag Create(string slug, string name, string nameEn, int sortOrder) => new()
    {
        Id = Guid.CreateVersion7(),
        Slug = slug,
        Name = name,
        NameEn = nameEn,
        SortOrder = sortOrder,
    };
}
