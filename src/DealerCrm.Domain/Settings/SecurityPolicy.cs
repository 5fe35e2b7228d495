namespace DealerCrm.Domain.Settings;

/// <summary>Sign-in protection: lockout and password rules.</summary>
public sealed class SecurityPolicy
{
    public const string Section = "Policies:Security";

    public int MaxFailedSignIns { get; set; } = 5;

    public int LockoutMinutes { get; set; } = 15;

    public int PasswordMinLength { get; set; } = 8;

    public int SessionIdleMinutes { get; set; } = 480;
}
