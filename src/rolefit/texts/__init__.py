"""The texts people already have (a résumé, a job posting): reading them, finding the
skills they name, a skills file drafted from a résumé, a role built from a posting."""
