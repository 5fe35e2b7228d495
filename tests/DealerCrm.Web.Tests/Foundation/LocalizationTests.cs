using System.Text.RegularExpressions;
using System.Xml.Linq;
using DealerCrm.Domain.Staff;
using DealerCrm.Web.Infrastructure.Navigation;
using DealerCrm.Web.Infrastructure.Startup;
using DealerCrm.Web.Tests.Infrastructure;

namespace DealerCrm.Web.Tests.Foundation;

public sealed partial class LocalizationTests(DealerCrmFactory factory) : IClassFixture<DealerCrmFactory>
{
    private static Dictionary<string, string> Resources(string culture) =>
        XDocument.Load(Path.Combine(RepositoryPaths.WebProject, "Resources", $"SharedResource.{culture}.resx"))
            .Root!.Elements("data").ToDictionary(e => e.Attribute("name")!.Value, e => e.Element("value")!.Value);

    [Fact]
    public void Chinese_and_English_resources_have_the_same_keys_and_no_empty_text()
    {
        var chinese = Resources("zh-CN");
        var english = Resources("en");
        Assert.Empty(chinese.Keys.Except(english.Keys));
        Assert.Empty(english.Keys.Except(chinese.Keys));
        Assert.All(chinese, e => Assert.False(string.IsNullOrWhiteSpace(e.Value), e.Key));
        Assert.All(english, e => Assert.False(string.IsNullOrWhiteSpace(e.Value), e.Key));
    }

    [Fact]
    public void Every_resource_key_the_code_names_exists()
    {
        var keys = Resources("zh-CN").Keys.ToHashSet();
        var sources = Directory.EnumerateFiles(RepositoryPaths.WebProject, "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
                        && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        var missing = new List<string>();
        foreach (var file in sources)
        {
            var text = File.ReadAllText(file);
            foreach (Match match in KeyUse().Matches(text))
            {
                var key = match.Groups["key"].Value;
                if (!keys.Contains(key))
                {
                    missing.Add($"{Path.GetFileName(file)}: {key}");
                }
            }
        }

        // Keys composed at run time: roles, navigation, settings.
        missing.AddRange(Roles.All.Select(r => "Role." + r).Where(k => !keys.Contains(k)));
        missing.AddRange(NavigationMenu.Items.Select(i => i.TextKey).Where(k => !keys.Contains(k)));
        foreach (var (type, _) in PolicyOptions.All.Append((typeof(DealerCrm.Domain.Settings.DealershipOptions), "")))
        {
            missing.AddRange(type.GetProperties().Select(p => $"Setting.{type.Name}.{p.Name}").Append($"SettingGroup.{type.Name}").Where(k => !keys.Contains(k)));
        }

        Assert.Empty(missing);
    }

    [Fact]
    public async Task Chinese_is_the_default_and_English_is_one_switch_away_and_remembered()
    {
        using var client = await SiteClient.SignedInAsync(factory, Roles.CsAgent);
        client.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US");
        var chinese = await client.GetHtmlAsync("/");
        Assert.Contains("<html lang=\"zh-CN\">", chinese);
        Assert.Contains("孙丽娜，您好", chinese);
        Assert.Contains("2026年11月23日", chinese);

        using var toEnglish = await client.PostFormAsync("/", new() { ["culture"] = "en", ["returnUrl"] = "/" }, postUrl: "/Account/Language");
        Assert.Equal("/", toEnglish.Headers.Location!.OriginalString);
        var english = await client.GetHtmlAsync("/");
        Assert.Contains("<html lang=\"en\">", english);
        Assert.Contains("Hello, 孙丽娜", english);
        Assert.Contains("2026-11-23", english);
        Assert.Contains("Customer-service agent", english);

        using var back = await client.PostFormAsync("/", new() { ["culture"] = "zh-CN", ["returnUrl"] = "/" }, postUrl: "/Account/Language");
        Assert.Contains("<html lang=\"zh-CN\">", await client.GetHtmlAsync("/"));
    }

    [Fact]
    public async Task Chinese_text_is_written_as_characters_not_entities()
    {
        using var client = SiteClient.Anonymous(factory);
        var html = await client.GetHtmlAsync("/Account/Login");
        Assert.Contains("登录", html);
        Assert.DoesNotContain("&#x", html);
    }

    // L["Key"], l["Key", ...], localizer["Key"] and [Display(Name = "Key")].
    [GeneratedRegex(@"(?:\b(?:L|l|localizer)\[""|Display\(Name = "")(?<key>[A-Za-z][A-Za-z0-9]*\.[A-Za-z0-9.]*[A-Za-z0-9])""")]
    private static partial Regex KeyUse();
}
