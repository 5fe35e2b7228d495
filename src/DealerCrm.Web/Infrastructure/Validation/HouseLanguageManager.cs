using FluentValidation.Resources;

namespace DealerCrm.Web.Infrastructure.Validation;

/// <summary>
/// FluentValidation's built-in messages in the house style for Chinese: the field named as its
/// label shows it, no quotes (FluentValidation's own zh-CN text reads "'初始密码' 不能为空。"),
/// "请填写…" for a missing value, like every message the pages write themselves. Other languages
/// keep FluentValidation's defaults.
/// </summary>
public sealed class HouseLanguageManager : LanguageManager
{
    /// <summary>Message key (FluentValidation's validator name) to the house-style Chinese text.</summary>
    public static IReadOnlyDictionary<string, string> Chinese { get; } = new Dictionary<string, string>
    {
        ["NotEmptyValidator"] = "请填写{PropertyName}。",
        ["NotNullValidator"] = "请填写{PropertyName}。",
        ["EmptyValidator"] = "{PropertyName}应留空。",
        ["NullValidator"] = "{PropertyName}应留空。",
        ["MaximumLengthValidator"] = "{PropertyName}最多 {MaxLength} 个字符，现为 {TotalLength} 个。",
        ["MinimumLengthValidator"] = "{PropertyName}至少 {MinLength} 个字符，现为 {TotalLength} 个。",
        ["LengthValidator"] = "{PropertyName}应为 {MinLength} 到 {MaxLength} 个字符，现为 {TotalLength} 个。",
        ["ExactLengthValidator"] = "{PropertyName}应为 {MaxLength} 个字符，现为 {TotalLength} 个。",
        ["MaximumLength_Simple"] = "{PropertyName}最多 {MaxLength} 个字符。",
        ["MinimumLength_Simple"] = "{PropertyName}至少 {MinLength} 个字符。",
        ["Length_Simple"] = "{PropertyName}应为 {MinLength} 到 {MaxLength} 个字符。",
        ["ExactLength_Simple"] = "{PropertyName}应为 {MaxLength} 个字符。",
        ["EmailValidator"] = "{PropertyName}不是有效的电子邮箱地址。",
        ["RegularExpressionValidator"] = "{PropertyName}的格式不正确。",
        ["EqualValidator"] = "{PropertyName}应等于 {ComparisonValue}。",
        ["NotEqualValidator"] = "{PropertyName}不能等于 {ComparisonValue}。",
        ["GreaterThanValidator"] = "{PropertyName}应大于 {ComparisonValue}。",
        ["GreaterThanOrEqualValidator"] = "{PropertyName}应不小于 {ComparisonValue}。",
        ["LessThanValidator"] = "{PropertyName}应小于 {ComparisonValue}。",
        ["LessThanOrEqualValidator"] = "{PropertyName}应不大于 {ComparisonValue}。",
        ["InclusiveBetweenValidator"] = "{PropertyName}应在 {From} 到 {To} 之间，现为 {PropertyValue}。",
        ["InclusiveBetween_Simple"] = "{PropertyName}应在 {From} 到 {To} 之间。",
        ["ExclusiveBetweenValidator"] = "{PropertyName}应大于 {From} 且小于 {To}，现为 {PropertyValue}。",
        ["EnumValidator"] = "{PropertyName}的值无效，请从列表中选择。",
        ["StringEnumValidator"] = "{PropertyName}的值无效，请从列表中选择。",
        ["PredicateValidator"] = "{PropertyName}不符合要求。",
        ["AsyncPredicateValidator"] = "{PropertyName}不符合要求。",
        ["ScalePrecisionValidator"] = "{PropertyName}最多 {ExpectedPrecision} 位数字，其中小数 {ExpectedScale} 位。",
        ["CreditCardValidator"] = "{PropertyName}不是有效的卡号。",
    };

    public HouseLanguageManager()
    {
        foreach (var culture in new[] { "zh-CN", "zh-Hans", "zh" })
        {
            foreach (var (key, message) in Chinese)
            {
                AddTranslation(culture, key, message);
            }
        }
    }
}
