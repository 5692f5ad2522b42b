window.compagnonUser = { id: 'u-extension', department: 'Finance' };
