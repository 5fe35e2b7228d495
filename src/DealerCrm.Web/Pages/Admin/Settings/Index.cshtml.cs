using System.Globalization;
using System.Reflection;
using DealerCrm.Domain.Settings;
using DealerCrm.Web.Infrastructure.Auth;
using DealerCrm.Web.Infrastructure.Startup;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace DealerCrm.Web.Pages.Admin.Settings;

/// <summary>
/// Every policy number of RULES.md with the value in force, and the configuration key that
/// changes it (appsettings.json or an environment variable, read at start).
/// </summary>
[Authorize(Policy = Policies.Admin)]
public sealed class IndexModel(IServiceProvider services, IOptions<DealershipOptions> dealership) : PageModel
{
    public sealed record Setting(string LabelKey, string ConfigKey, string Value);

    public sealed record Group(string TitleKey, IReadOnlyList<Setting> Settings);

    public IReadOnlyList<Group> Groups { get; private set; } = [];

    public void OnGet()
    {
        var groups = new List<Group> { Describe(typeof(DealershipOptions), DealershipOptions.Section, dealership.Value) };
        foreach (var (type, section) in PolicyOptions.All)
        {
            var options = services.GetRequiredService(typeof(IOptions<>).MakeGenericType(type));
            var value = options.GetType().GetProperty(nameof(IOptions<object>.Value))!.GetValue(options)!;
            groups.Add(Describe(type, section, value));
        }

        Groups = groups;
    }

    private static Group Describe(Type type, string section, object options) =>
        new($"SettingGroup.{type.Name}", type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => new Setting($"Setting.{type.Name}.{p.Name}", $"{section}:{p.Name}", Format(p.GetValue(options))))
            .ToList());

    private static string Format(object? value) => value switch
    {
        null => "—",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
