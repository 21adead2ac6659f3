namespace Salon.Application.Alpha;

/// <summary>Alpha's persistence port (named I…Db).</summary>
public interface IAlphaDb
{
    int SaveChanges();
}
