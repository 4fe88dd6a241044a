# rec-324067f0: policy_exclusion (entra)
# Change: Do the policy_exclusion change on 11111111-2222-3333-4444-555555555555
# Rationale: Because "the evidence" says so: ${not interpolated}
# Vendor call: PATCH /identity/conditionalAccess/policies/11111111-2222-3333-4444-555555555555

import {
  to = azuread_conditional_access_policy.rec_324067f0
  id = "11111111-2222-3333-4444-555555555555"
}

resource "azuread_conditional_access_policy" "rec_324067f0" {
  display_name = "MFA for sales on CRM"
  state        = "enabled"

  conditions {
    client_app_types = ["all"]

    applications {
      included_applications = ["crm-app-id"]
    }

    users {
      excluded_users  = ["u-bg"]
      included_groups = ["g-sales"]
      excluded_groups = ["g-field-sales"]
    }
  }

  grant_controls {
    operator          = "OR"
    built_in_controls = ["mfa"]
  }

  session_controls {
    sign_in_frequency          = 1
    sign_in_frequency_period   = "hours"
    sign_in_frequency_interval = "timeBased"
  }
}
