// KlimatnavPlaybook
