"""The 19 claim categories of the research taxonomy (claims-and-regulations.md, Part 2)."""

from __future__ import annotations

CATEGORIES: dict[str, str] = {
    "unapproved_product_term": "Unapproved or mislabelled cell/tissue product term",
    "disease_treatment_claim": "Claim to treat, prevent or mitigate a disease",
    "cure_reversal_language": "Cure, reversal or miracle language",
    "guarantee_certainty": "Guarantee or certainty of outcome",
    "safety_minimization": "Safety minimisation",
    "superlative_exclusivity": "Superlative or exclusivity claim",
    "comparative_superiority": "Comparative superiority or discouraging conventional care",
    "unsubstantiated_statistic": "Unsubstantiated statistic",
    "unsubstantiated_evidence_claim": "Unsubstantiated evidence claim",
    "regulatory_misrepresentation": "Regulatory misrepresentation",
    "research_trial_misrepresentation": "Research or trial misrepresentation",
    "testimonial_endorsement": "Testimonial or endorsement",
    "before_after": "Before-and-after claim",
    "anti_aging_longevity": "Anti-ageing or longevity claim",
    "immune_privilege_claim": "Immune-privilege claim",
    "urgency_pressure": "Urgency or pressure",
    "price_inducement": "Price inducement",
    "credential_misrepresentation": "Credential misrepresentation",
    "missing_required_disclosure": "Missing required disclosure",
}

JURISDICTIONS: dict[str, str] = {
    "us": "United States (FTC, FDA)",
    "uk": "United Kingdom (ASA/CAP, MHRA)",
    "eu": "European Union (UCPD, ATMP regulation)",
    "au": "Australia (Ahpra, TGA)",
    "kr": "Korea (Medical Service Act art. 56)",
    "jp": "Japan (medical advertising guideline)",
    "mx": "Mexico (COFEPRIS, RLGSMP)",
}
