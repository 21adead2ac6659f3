namespace Salon.WebApi.Common;

/// <summary>Production was refused because of its settings: the message names each setting to fix. The program prints
/// it and exits non-zero, without a stack trace (it is an operator's mistake, not a bug).</summary>
internal sealed class ProductionNotReadyException(string message) : Exception(message);
