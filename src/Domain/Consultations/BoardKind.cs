namespace Salon.Domain.Consultations;

public enum BoardKind
{
    /// <summary>For families in one position (親の立場, きょうだいの立場 …).</summary>
    Position = 0,

    /// <summary>Around a theme (発症間もない家族, 親亡き後 …).</summary>
    Theme = 1,
}
