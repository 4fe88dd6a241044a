# rec-50fc7a40: restrict_location (entra)
# Change: Do the restrict_location change on KP
# Rationale: Because "the evidence" says so: ${not interpolated}
# Vendor call: POST /identity/conditionalAccess/namedLocations

resource "azuread_named_location" "rec_50fc7a40" {
  display_name = "Blocked country KP"

  country {
    countries_and_regions                 = ["KP"]
    include_unknown_countries_and_regions = false
  }
}
