namespace MedInfo.Store.Requests;

/// <summary>How long each field of a request may be: the form's caps and the store's columns are these numbers.</summary>
public static class RequestLimits
{
    public const int Name = 200;
    public const int Role = 100;
    public const int Institution = 200;
    public const int Country = 100;
    public const int Region = 100;
    public const int Email = 254;
    public const int Phone = 40;
    public const int OtherProduct = 200;
    public const int Question = 4000;
    public const int EventDetails = 4000;
    public const int Note = 4000;
    public const int Reference = 100;
    public const int Products = 20;

    /// <summary>The store's own guard: a request the form let through must still fit (a caller other than the form).</summary>
    internal static void Check(NewRequest request)
    {
        Require(request.Name, Name, "name");
        Require(request.Role, Role, "profession or relationship");
        Require(request.Country, Country, "country");
        Require(request.Question, Question, "question");
        Fit(request.Institution, Institution, "institution");
        Fit(request.Region, Region, "state or region");
        Fit(request.Email, Email, "email");
        Fit(request.Phone, Phone, "phone");
        Fit(request.OtherProduct, OtherProduct, "other product");
        Fit(request.EventDetails, EventDetails, "event details");
        if (string.IsNullOrWhiteSpace(request.Email) && string.IsNullOrWhiteSpace(request.Phone))
        {
            throw new RequestActionException("A request needs an email address or a phone number to answer it.");
        }

        if (request.Products.Count > Products)
        {
            throw new RequestActionException($"A request names at most {Products} products.");
        }
    }

    internal static void Require(string? value, int limit, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new RequestActionException($"The {field} is missing.");
        }

        Fit(value, limit, field);
    }

    internal static void Fit(string? value, int limit, string field)
    {
        if (value is not null && value.Length > limit)
        {
            throw new RequestActionException($"The {field} is longer than {limit} characters.");
        }
    }
}
