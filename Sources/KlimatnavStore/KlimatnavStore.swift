// KlimatnavStore
