using System.Reflection;
using DealerCrm.Domain.Settings;

namespace DealerCrm.Web.Infrastructure.Startup;

/// <summary>The policy-number settings of RULES.md, bound from configuration with their defaults.</summary>
public static class PolicyOptions
{
    /// <summary>Every policy settings type with its configuration section, in the order the settings page lists them.</summary>
    public static IReadOnlyList<(Type Type, string Section)> All { get; } =
    [
        (typeof(FollowUpPolicy), FollowUpPolicy.Section),
        (typeof(ComplaintPolicy), ComplaintPolicy.Section),
        (typeof(LoungePolicy), LoungePolicy.Section),
        (typeof(CsiPolicy), CsiPolicy.Section),
        (typeof(PrivacyPolicy), PrivacyPolicy.Section),
        (typeof(SecurityPolicy), SecurityPolicy.Section),
        (typeof(NotificationPolicy), NotificationPolicy.Section),
        (typeof(BackupPolicy), BackupPolicy.Section),
    ];

    public static IServiceCollection AddPolicyOptions(this IServiceCollection services, IConfiguration configuration)
    {
        Add<FollowUpPolicy>(services, configuration, FollowUpPolicy.Section);
        Add<ComplaintPolicy>(services, configuration, ComplaintPolicy.Section);
        Add<LoungePolicy>(services, configuration, LoungePolicy.Section);
        Add<CsiPolicy>(services, configuration, CsiPolicy.Section);
        Add<PrivacyPolicy>(services, configuration, PrivacyPolicy.Section);
        Add<SecurityPolicy>(services, configuration, SecurityPolicy.Section);
        Add<NotificationPolicy>(services, configuration, NotificationPolicy.Section);
        Add<BackupPolicy>(services, configuration, BackupPolicy.Section);
        services.AddOptions<CsiPolicy>().Validate(
            p => p.ServiceInitiationWeightPercent + p.ServiceAdvisorWeightPercent + p.ServiceQualityWeightPercent
                 + p.DealerFacilityWeightPercent + p.VehiclePickUpWeightPercent == 100,
            "The five CSI factor weights must add up to 100.");
        return services;
    }

    private static void Add<T>(IServiceCollection services, IConfiguration configuration, string section)
        where T : class =>
        services.AddOptions<T>()
            .Bind(configuration.GetSection(section))
            .Validate(HasNoNegativeNumber, $"{section}: policy numbers cannot be negative.")
            .ValidateOnStart();

    private static bool HasNoNegativeNumber<T>(T options) =>
        typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance).All(p => p.GetValue(options) switch
        {
            int i => i >= 0,
            decimal d => d >= 0,
            _ => true,
        });
}
