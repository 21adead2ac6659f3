namespace Salon.Application.Alpha.Contracts;

/// <summary>Alpha's published contract (allowed for every module).</summary>
public interface IAlphaService
{
    int Count();
}
