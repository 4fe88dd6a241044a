# rec-fb3c2898: retire_policy (okta)
# Change: Do the retire_policy change on rul1
# Rationale: Because "the evidence" says so: ${not interpolated}
# Vendor call: POST /api/v1/policies/pol1/rules/rul1/lifecycle/deactivate

import {
  to = okta_policy_rule_signon.rec_fb3c2898
  id = "pol1/rul1"
}

resource "okta_policy_rule_signon" "rec_fb3c2898" {
  policy_id          = "pol1"
  name               = "Allow password only"
  status             = "INACTIVE"
  priority           = 1
  groups_included    = ["g-admins"]
  network_connection = "ANYWHERE"
  access             = "ALLOW"
  mfa_required       = false
  session_idle       = 120
  session_lifetime   = 0
  session_persistent = false
}
