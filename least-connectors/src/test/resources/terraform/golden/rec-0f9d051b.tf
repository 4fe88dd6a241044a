# rec-0f9d051b: add_trusted_location (entra)
# Change: Do the add_trusted_location change on 203.0.113.0/24
# Rationale: Because "the evidence" says so: ${not interpolated}
# Vendor call: POST /identity/conditionalAccess/namedLocations

resource "azuread_named_location" "rec_0f9d051b" {
  display_name = "Trusted 203.0.113.0/24"

  ip {
    ip_ranges = ["203.0.113.0/24"]
    trusted   = true
  }
}
