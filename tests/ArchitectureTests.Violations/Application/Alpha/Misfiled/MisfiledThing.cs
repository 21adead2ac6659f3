namespace Salon.Application.Alpha;

/// <summary>Planted (namespace rule, source): the namespace does not match the folder Application/Alpha/Misfiled.</summary>
public sealed class MisfiledThing
{
}
