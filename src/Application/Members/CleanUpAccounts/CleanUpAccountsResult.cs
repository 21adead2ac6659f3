namespace Salon.Application.Members.CleanUpAccounts;

public sealed record CleanUpAccountsResult(int ExpiredSignUps, int EndedSessions, int ExpiredRefreshTokens);
