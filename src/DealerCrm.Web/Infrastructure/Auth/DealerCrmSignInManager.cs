using DealerCrm.Infrastructure.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace DealerCrm.Web.Infrastructure.Auth;

/// <summary>A disabled user cannot sign in; the rest is Identity's own sign-in.</summary>
public sealed class DealerCrmSignInManager(
    UserManager<AppUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<AppUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<AppUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<AppUser> confirmation)
    : SignInManager<AppUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(AppUser user) =>
        !user.IsDisabled && await base.CanSignInAsync(user);

    /// <summary>
    /// The periodic stamp validation (every minute) also refuses a disabled user, so an open
    /// session ends even if the stamp was somehow left unchanged. (A changed password, a reset,
    /// disabling and signing out all renew the stamp.)
    /// </summary>
    public override async Task<AppUser?> ValidateSecurityStampAsync(System.Security.Claims.ClaimsPrincipal? principal) =>
        await base.ValidateSecurityStampAsync(principal) is { IsDisabled: false } user ? user : null;

    /// <summary>Finds a user by login name first, then by e-mail.</summary>
    public async Task<AppUser?> FindByLoginNameOrEmailAsync(string loginOrEmail)
    {
        var trimmed = loginOrEmail.Trim();
        return await UserManager.FindByNameAsync(trimmed) ?? await UserManager.FindByEmailAsync(trimmed);
    }
}
