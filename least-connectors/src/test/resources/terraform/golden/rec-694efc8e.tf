# rec-694efc8e: restrict_location (okta)
# Change: Do the restrict_location change on KP
# Rationale: Because "the evidence" says so: ${not interpolated}
# Vendor call: POST /api/v1/zones

resource "okta_network_zone" "rec_694efc8e" {
  name              = "Blocked country KP"
  type              = "DYNAMIC"
  usage             = "BLOCKLIST"
  status            = "ACTIVE"
  dynamic_locations = ["KP"]
}
