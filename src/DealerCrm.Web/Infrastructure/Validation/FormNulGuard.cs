using System.Text;

namespace DealerCrm.Web.Infrastructure.Validation;

/// <summary>
/// ASP.NET Core refuses to read a form whose values hold a NUL character (InvalidDataException,
/// before any page code runs), which would answer a typed or pasted NUL with an error page and
/// lose the form. This takes the NULs out of a small url-encoded form before anything reads it
/// and notes which fields had them; <see cref="FormInputFilter"/> then puts its message on each
/// of those fields and the page comes back with the rest of the input.
/// </summary>
public static class FormNulGuard
{
    /// <summary>HttpContext.Items key of the fields (names) whose NULs were taken out.</summary>
    public const string FieldsItem = "DealerCrm.NulFields";

    // Forms of this site are a few kilobytes; a larger body is left as it is (and not buffered).
    private const int MaxFormBytes = 256 * 1024;

    public static IApplicationBuilder UseFormNulGuard(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        if (HttpMethods.IsPost(request.Method)
            && request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true
            && request.ContentLength is > 0 and <= MaxFormBytes)
        {
            request.EnableBuffering();
            string body;
            using (var reader = new StreamReader(request.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true))
            {
                body = await reader.ReadToEndAsync(context.RequestAborted);
            }

            request.Body.Position = 0;
            if (body.Contains("%00", StringComparison.Ordinal) || body.Contains('\0', StringComparison.Ordinal))
            {
                var (cleaned, fields) = WithoutNul(body);
                var bytes = Encoding.UTF8.GetBytes(cleaned);
                request.Body = new MemoryStream(bytes);
                request.ContentLength = bytes.Length;
                context.Items[FieldsItem] = fields;
            }
        }

        await next();
    });

    private static (string Body, IReadOnlyList<string> Fields) WithoutNul(string body)
    {
        var fields = new List<string>();
        var pairs = body.Split('&');
        for (var i = 0; i < pairs.Length; i++)
        {
            var equals = pairs[i].IndexOf('=', StringComparison.Ordinal);
            if (equals < 0)
            {
                continue;
            }

            var value = Decode(pairs[i][(equals + 1)..]);
            if (value.Contains('\0', StringComparison.Ordinal))
            {
                var key = Decode(pairs[i][..equals]).Replace("\0", "", StringComparison.Ordinal);
                fields.Add(key);
                pairs[i] = Uri.EscapeDataString(key) + "=" + Uri.EscapeDataString(value.Replace("\0", "", StringComparison.Ordinal));
            }
        }

        return (string.Join('&', pairs), fields);
    }

    private static string Decode(string encoded) => Uri.UnescapeDataString(encoded.Replace('+', ' '));
}
