"""The protect stage: small cells suppressed (with complementary suppression), the disclosure checks and the
linear-programming attack."""
