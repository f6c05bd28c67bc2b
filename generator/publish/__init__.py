"""Publishing: each meeting's version committed with mike on the publish branch; squash and backfill."""
