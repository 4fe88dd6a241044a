# rec-d0d3392f: block_legacy_auth (entra)
# Change: Do the block_legacy_auth change on contoso
# Rationale: Because "the evidence" says so: ${not interpolated}
# Vendor call: POST /identity/conditionalAccess/policies

resource "azuread_conditional_access_policy" "rec_d0d3392f" {
  display_name = "Block legacy authentication"
  state        = "enabledForReportingButNotEnforced"

  conditions {
    client_app_types = ["exchangeActiveSync", "other"]

    applications {
      included_applications = ["All"]
    }

    users {
      included_users = ["All"]
      excluded_users = ["u-bg"]
    }
  }

  grant_controls {
    operator          = "OR"
    built_in_controls = ["block"]
  }
}
