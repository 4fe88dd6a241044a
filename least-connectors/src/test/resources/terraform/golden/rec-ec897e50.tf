# rec-ec897e50: mfa_fatigue (entra)
# Change: Do the mfa_fatigue change on u-entra
# Rationale: Because "the evidence" says so: ${not interpolated}

# No Terraform equivalent: this recommendation has no vendor API call to mirror (it asks for a review or an action such as revoking sessions, not a configuration change). Nothing is declared here.
