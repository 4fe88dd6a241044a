terraform {
  required_version = ">= 1.5"

  required_providers {
    azuread = {
      source  = "hashicorp/azuread"
      version = "~> 2.53"
    }
    okta = {
      source  = "okta/okta"
      version = "~> 4.11"
    }
  }
}
