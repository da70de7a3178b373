/** Every area's messages, loaded together for the catalog test (the application imports each area where it is used). */
export {};
