using KneeRehab.Web.Data;
using Microsoft.AspNetCore.Identity;

namespace KneeRehab.Web.Accounts;

/// <summary>
/// Limits for what Identity's own forms accept: an e-mail address fits the standard's 254 characters and
/// the database column, a phone number is a phone number. Over the limit is a message on the form.
/// </summary>
public sealed class FieldLengthUserValidator : IUserValidator<ApplicationUser>
{
    public const int MaxEmailLength = 254;
    public const int MaxPhoneLength = 20;

    public Task<IdentityResult> ValidateAsync(UserManager<ApplicationUser> manager, ApplicationUser user)
    {
        var errors = new List<IdentityError>();
        if (user.Email?.Length > MaxEmailLength || user.UserName?.Length > MaxEmailLength)
            errors.Add(new IdentityError { Code = "EmailTooLong", Description = $"An email address can be at most {MaxEmailLength} characters." });
        if (user.PhoneNumber?.Length > MaxPhoneLength)
            errors.Add(new IdentityError { Code = "PhoneTooLong", Description = $"A phone number can be at most {MaxPhoneLength} characters." });
        return Task.FromResult(errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]));
    }
}
