"""The types every stage shares: the dataset, problems, the publication's rules (thresholds, symbols), figures,
pages and the site's paths."""
