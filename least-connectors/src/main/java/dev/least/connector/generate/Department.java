package dev.least.connector.generate;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A department: its share of the workforce, cost centre and titles (the first is the head's, the
 * second the managers', the rest staff).
 */
record Department(String name, String costCenter, int weight, List<String> titles) {
  Department {
    requireNonNull(name, "name");
    requireNonNull(costCenter, "costCenter");
    titles = List.copyOf(titles);
    if (titles.size() < 3) {
      throw new IllegalArgumentException("Expected at least 3 titles for " + name);
    }
  }

  String headTitle() {
    return titles.get(0);
  }

  String managerTitle() {
    return titles.get(1);
  }

  static final List<Department> ALL =
      List.of(
          new Department(
              "Sales",
              "CC-300",
              17,
              List.of(
                  "VP Sales",
                  "Sales Manager",
                  "Account Executive",
                  "Sales Development Representative",
                  "Account Manager")),
          new Department(
              "Engineering",
              "CC-200",
              20,
              List.of(
                  "VP Engineering",
                  "Engineering Manager",
                  "Software Engineer",
                  "Senior Software Engineer",
                  "QA Engineer",
                  "Site Reliability Engineer")),
          new Department(
              "Customer Support",
              "CC-310",
              11,
              List.of(
                  "Head of Support",
                  "Support Team Lead",
                  "Support Specialist",
                  "Technical Support Engineer")),
          new Department(
              "Operations",
              "CC-400",
              10,
              List.of(
                  "COO",
                  "Operations Manager",
                  "Field Service Technician",
                  "Logistics Coordinator",
                  "Operations Analyst")),
          new Department(
              "Retail",
              "CC-500",
              12,
              List.of("Head of Retail", "Store Manager", "Store Associate", "Sales Associate")),
          new Department(
              "Finance",
              "CC-100",
              7,
              List.of(
                  "CFO",
                  "Finance Manager",
                  "Accountant",
                  "Accounts Payable Specialist",
                  "Financial Analyst")),
          new Department(
              "Marketing",
              "CC-320",
              7,
              List.of(
                  "CMO",
                  "Marketing Manager",
                  "Marketing Specialist",
                  "Content Writer",
                  "Designer")),
          new Department(
              "IT",
              "CC-600",
              8,
              List.of(
                  "CIO",
                  "IT Manager",
                  "Systems Administrator",
                  "Service Desk Analyst",
                  "Security Engineer")),
          new Department(
              "HR", "CC-700", 4, List.of("CHRO", "HR Manager", "HR Business Partner", "Recruiter")),
          new Department(
              "Legal",
              "CC-800",
              4,
              List.of("General Counsel", "Legal Manager", "Counsel", "Paralegal")));

  static Department named(String name) {
    for (Department d : ALL) {
      if (d.name.equals(name)) {
        return d;
      }
    }
    throw new IllegalArgumentException("Unknown department '" + name + "'");
  }
}
