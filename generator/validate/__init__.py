"""The validate stage: every field and every rule across files, then the valid data normalised into the Dataset."""
