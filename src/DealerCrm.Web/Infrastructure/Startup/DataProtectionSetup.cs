using System.Security.Cryptography.X509Certificates;
using DealerCrm.Infrastructure.Data;
using Microsoft.AspNetCore.DataProtection;

namespace DealerCrm.Web.Infrastructure.Startup;

/// <summary>
/// The data-protection keys (sign-in cookies, antiforgery tokens, temp data) live in the database,
/// so every instance of the app on one database reads the same key ring: a sign-in on one is
/// valid on the others. With <c>DataProtection:CertificatePath</c> (a PFX file, absolute or
/// relative to the data folder; its password in <c>DataProtection:CertificatePassword</c>) each
/// key is stored encrypted with the certificate: a copy of the database alone does not let
/// anyone forge a sign-in cookie.
/// </summary>
public static class DataProtectionSetup
{
    public const string CertificatePathKey = "DataProtection:CertificatePath";

    public const string CertificatePasswordKey = "DataProtection:CertificatePassword";

    public static IServiceCollection AddDealerCrmDataProtection(this IServiceCollection services, IConfiguration configuration, string dataDirectory)
    {
        var builder = services.AddDataProtection()
            .SetApplicationName("DealerCrm")
            .PersistKeysToDbContext<DealerCrmDbContext>();
        if (Certificate(configuration, dataDirectory) is { } certificate)
        {
            builder.ProtectKeysWithCertificate(certificate);
        }

        return services;
    }

    private static X509Certificate2? Certificate(IConfiguration configuration, string dataDirectory)
    {
        var configured = configuration[CertificatePathKey];
        if (string.IsNullOrWhiteSpace(configured))
        {
            return null;
        }

        // A configured certificate that cannot be read stops the start: keys must never be written unencrypted by mistake.
        var path = Path.GetFullPath(configured, dataDirectory);
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{CertificatePathKey}: no certificate file at {path}.");
        }

        var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, configuration[CertificatePasswordKey], X509KeyStorageFlags.EphemeralKeySet);
        if (!certificate.HasPrivateKey)
        {
            throw new InvalidOperationException($"{CertificatePathKey}: the certificate at {path} has no private key, so the keys it encrypts could not be read back.");
        }

        return certificate;
    }
}
