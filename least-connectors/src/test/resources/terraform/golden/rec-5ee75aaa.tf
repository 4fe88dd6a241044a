# rec-5ee75aaa: deprovision_orphan (okta)
# Change: Do the deprovision_orphan change on 00u-okta
# Rationale: Because "the evidence" says so: ${not interpolated}
# Vendor call: POST /api/v1/users/00u-okta/lifecycle/deactivate

import {
  to = okta_user.rec_5ee75aaa
  id = "00u-okta"
}

# Only the status is managed here: first and last name are required by okta_user but the snapshot keeps the display name only, so they are split from it and ignored by lifecycle.ignore_changes (Terraform never changes them).
resource "okta_user" "rec_5ee75aaa" {
  login      = "bob@contoso.com"
  email      = "bob@contoso.com"
  first_name = "Bob"
  last_name  = "van Dyke"
  status     = "DEPROVISIONED"

  lifecycle {
    ignore_changes = [first_name, last_name, email]
  }
}
